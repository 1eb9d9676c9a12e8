using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ProbationArchive.Core.Data.Migrations
{
    /// <summary>
    /// What a Blogger export carries and saved pages lack: posts' kind (post or page), drafts,
    /// Blogger ids, publication times with their offsets, authors, and HTML text with its
    /// markup-free search text. The search index reads that search text where there is one, and
    /// leaves drafts and their comments out; its view and triggers are made again for both.
    /// </summary>
    public partial class BloggerExport : Migration
    {
        private static readonly string[] TriggerNames =
            ["Posts_SearchInsert", "Posts_SearchUpdate", "Posts_SearchDelete", "Comments_SearchInsert", "Comments_SearchUpdate", "Comments_SearchDelete"];

        private const string WhenIndexed = "WHEN (SELECT Suspended FROM SearchIndexState) = 0";
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Comments_PostId_ThreadPath",
                table: "Comments");

            migrationBuilder.AddColumn<string>(
                name: "AuthorName",
                table: "Posts",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AuthorUri",
                table: "Posts",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "BloggerId",
                table: "Posts",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "BodyFormat",
                table: "Posts",
                type: "TEXT",
                nullable: false,
                defaultValue: "Text");

            migrationBuilder.AddColumn<bool>(
                name: "IsDraft",
                table: "Posts",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "Kind",
                table: "Posts",
                type: "TEXT",
                nullable: false,
                defaultValue: "Post");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "PublishedAt",
                table: "Posts",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SearchText",
                table: "Posts",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AuthorName",
                table: "Comments",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AuthorUri",
                table: "Comments",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "BloggerId",
                table: "Comments",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "PublishedAt",
                table: "Comments",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SearchText",
                table: "Comments",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "TextFormat",
                table: "Comments",
                type: "TEXT",
                nullable: false,
                defaultValue: "Text");

            migrationBuilder.CreateIndex(
                name: "IX_Posts_BloggerId",
                table: "Posts",
                column: "BloggerId",
                unique: true,
                filter: "\"BloggerId\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Comments_BloggerId",
                table: "Comments",
                column: "BloggerId",
                unique: true,
                filter: "\"BloggerId\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Comments_PostId_ThreadPath",
                table: "Comments",
                columns: new[] { "PostId", "ThreadPath" });

            SearchIndexOverPublishedText(migrationBuilder);
        }

        private static void SearchIndexOverPublishedText(MigrationBuilder migrationBuilder)
        {
            foreach (var name in TriggerNames)
            {
                migrationBuilder.Sql($"DROP TRIGGER IF EXISTS {name};");
            }

            migrationBuilder.Sql("DROP VIEW SearchContent;");
            migrationBuilder.Sql("""
                CREATE VIEW SearchContent (EntryId, Title, Text) AS
                    SELECT -Id, Title, coalesce(SearchText, Body) FROM Posts WHERE IsDraft = 0
                    UNION ALL
                    SELECT c.Id, '', coalesce(c.SearchText, c.Text) FROM Comments c
                    WHERE NOT EXISTS (SELECT 1 FROM Posts p WHERE p.Id = c.PostId AND p.IsDraft = 1);
                """);

            // Each statement carries its own condition (INSERT … SELECT … WHERE), so one trigger
            // removes the old entry before it adds the new one: FTS5 must see them in that order.
            const string IndexPost = "INSERT INTO SearchEntries (rowid, Title, Text) SELECT -new.Id, new.Title, coalesce(new.SearchText, new.Body) WHERE new.IsDraft = 0;";
            const string UnindexPost = "INSERT INTO SearchEntries (SearchEntries, rowid, Title, Text) SELECT 'delete', -old.Id, old.Title, coalesce(old.SearchText, old.Body) WHERE old.IsDraft = 0;";
            const string UnindexCommentsOfDraft = """
                INSERT INTO SearchEntries (SearchEntries, rowid, Title, Text) SELECT 'delete', c.Id, '', coalesce(c.SearchText, c.Text)
                FROM Comments c WHERE c.PostId = old.Id AND old.IsDraft = 0 AND new.IsDraft = 1;
                """;
            const string IndexCommentsOfPublished = """
                INSERT INTO SearchEntries (rowid, Title, Text) SELECT c.Id, '', coalesce(c.SearchText, c.Text)
                FROM Comments c WHERE c.PostId = new.Id AND old.IsDraft = 1 AND new.IsDraft = 0;
                """;
            const string PostIsPublished = "(SELECT IsDraft FROM Posts WHERE Id = {0}.PostId) = 0";
            var indexComment = $"INSERT INTO SearchEntries (rowid, Title, Text) SELECT new.Id, '', coalesce(new.SearchText, new.Text) WHERE {string.Format(System.Globalization.CultureInfo.InvariantCulture, PostIsPublished, "new")};";
            var unindexComment = $"INSERT INTO SearchEntries (SearchEntries, rowid, Title, Text) SELECT 'delete', old.Id, '', coalesce(old.SearchText, old.Text) WHERE {string.Format(System.Globalization.CultureInfo.InvariantCulture, PostIsPublished, "old")};";
            migrationBuilder.Sql($"CREATE TRIGGER Posts_SearchInsert AFTER INSERT ON Posts {WhenIndexed} BEGIN {IndexPost} END;");
            migrationBuilder.Sql($"CREATE TRIGGER Posts_SearchUpdate AFTER UPDATE OF Title, Body, SearchText, IsDraft ON Posts {WhenIndexed} BEGIN {UnindexPost} {IndexPost} {UnindexCommentsOfDraft} {IndexCommentsOfPublished} END;");
            migrationBuilder.Sql($"CREATE TRIGGER Posts_SearchDelete AFTER DELETE ON Posts {WhenIndexed} BEGIN {UnindexPost} END;");
            migrationBuilder.Sql($"CREATE TRIGGER Comments_SearchInsert AFTER INSERT ON Comments {WhenIndexed} BEGIN {indexComment} END;");
            migrationBuilder.Sql($"CREATE TRIGGER Comments_SearchUpdate AFTER UPDATE OF Text, SearchText ON Comments {WhenIndexed} BEGIN {unindexComment} {indexComment} END;");
            migrationBuilder.Sql($"CREATE TRIGGER Comments_SearchDelete AFTER DELETE ON Comments {WhenIndexed} BEGIN {unindexComment} END;");
            migrationBuilder.Sql("INSERT INTO SearchEntries (SearchEntries) VALUES ('rebuild');");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // The search index as ExternalContentSearchIndex made it, before the columns it reads go.
            foreach (var name in TriggerNames)
            {
                migrationBuilder.Sql($"DROP TRIGGER IF EXISTS {name};");
            }

            migrationBuilder.Sql("DROP VIEW SearchContent;");
            migrationBuilder.Sql("CREATE VIEW SearchContent (EntryId, Title, Text) AS SELECT -Id, Title, Body FROM Posts UNION ALL SELECT Id, '', Text FROM Comments;");
            const string IndexPost = "INSERT INTO SearchEntries (rowid, Title, Text) VALUES (-new.Id, new.Title, new.Body);";
            const string UnindexPost = "INSERT INTO SearchEntries (SearchEntries, rowid, Title, Text) VALUES ('delete', -old.Id, old.Title, old.Body);";
            const string IndexComment = "INSERT INTO SearchEntries (rowid, Title, Text) VALUES (new.Id, '', new.Text);";
            const string UnindexComment = "INSERT INTO SearchEntries (SearchEntries, rowid, Title, Text) VALUES ('delete', old.Id, '', old.Text);";
            migrationBuilder.Sql($"CREATE TRIGGER Posts_SearchInsert AFTER INSERT ON Posts {WhenIndexed} BEGIN {IndexPost} END;");
            migrationBuilder.Sql($"CREATE TRIGGER Posts_SearchUpdate AFTER UPDATE OF Title, Body ON Posts {WhenIndexed} BEGIN {UnindexPost} {IndexPost} END;");
            migrationBuilder.Sql($"CREATE TRIGGER Posts_SearchDelete AFTER DELETE ON Posts {WhenIndexed} BEGIN {UnindexPost} END;");
            migrationBuilder.Sql($"CREATE TRIGGER Comments_SearchInsert AFTER INSERT ON Comments {WhenIndexed} BEGIN {IndexComment} END;");
            migrationBuilder.Sql($"CREATE TRIGGER Comments_SearchUpdate AFTER UPDATE OF Text ON Comments {WhenIndexed} BEGIN {UnindexComment} {IndexComment} END;");
            migrationBuilder.Sql($"CREATE TRIGGER Comments_SearchDelete AFTER DELETE ON Comments {WhenIndexed} BEGIN {UnindexComment} END;");
            migrationBuilder.Sql("INSERT INTO SearchEntries (SearchEntries) VALUES ('rebuild');");

            migrationBuilder.DropIndex(
                name: "IX_Posts_BloggerId",
                table: "Posts");

            migrationBuilder.DropIndex(
                name: "IX_Comments_BloggerId",
                table: "Comments");

            migrationBuilder.DropIndex(
                name: "IX_Comments_PostId_ThreadPath",
                table: "Comments");

            migrationBuilder.DropColumn(
                name: "AuthorName",
                table: "Posts");

            migrationBuilder.DropColumn(
                name: "AuthorUri",
                table: "Posts");

            migrationBuilder.DropColumn(
                name: "BloggerId",
                table: "Posts");

            migrationBuilder.DropColumn(
                name: "BodyFormat",
                table: "Posts");

            migrationBuilder.DropColumn(
                name: "IsDraft",
                table: "Posts");

            migrationBuilder.DropColumn(
                name: "Kind",
                table: "Posts");

            migrationBuilder.DropColumn(
                name: "PublishedAt",
                table: "Posts");

            migrationBuilder.DropColumn(
                name: "SearchText",
                table: "Posts");

            migrationBuilder.DropColumn(
                name: "AuthorName",
                table: "Comments");

            migrationBuilder.DropColumn(
                name: "AuthorUri",
                table: "Comments");

            migrationBuilder.DropColumn(
                name: "BloggerId",
                table: "Comments");

            migrationBuilder.DropColumn(
                name: "PublishedAt",
                table: "Comments");

            migrationBuilder.DropColumn(
                name: "SearchText",
                table: "Comments");

            migrationBuilder.DropColumn(
                name: "TextFormat",
                table: "Comments");

            migrationBuilder.CreateIndex(
                name: "IX_Comments_PostId_ThreadPath",
                table: "Comments",
                columns: new[] { "PostId", "ThreadPath" },
                unique: true);
        }
    }
}
