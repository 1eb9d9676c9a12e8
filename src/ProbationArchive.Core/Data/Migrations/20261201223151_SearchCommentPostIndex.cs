using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ProbationArchive.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class SearchCommentPostIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Comments_Id_PostId",
                table: "Comments",
                columns: new[] { "Id", "PostId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Comments_Id_PostId",
                table: "Comments");
        }
    }
}
