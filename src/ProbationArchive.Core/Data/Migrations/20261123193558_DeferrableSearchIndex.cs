using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ProbationArchive.Core.Data.Migrations
{
    /// <summary>
    /// Lets a bulk import suspend the search triggers and rebuild the index once at its end:
    /// indexing row by row in thousands of small transactions cost several times what one
    /// rebuild does (docs/PERFORMANCE.md). <c>SearchIndexState.Suspended</c> is stored, not held
    /// by a connection, so an import that dies midway leaves the index marked stale and the next
    /// import rebuilds it.
    /// </summary>
    public partial class DeferrableSearchIndex : Migration
    {
        private static readonly string[] TriggerNames =
            ["Posts_SearchInsert", "Posts_SearchUpdate", "Posts_SearchDelete", "Comments_SearchInsert", "Comments_SearchUpdate", "Comments_SearchDelete"];

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE TABLE SearchIndexState (
                    Id INTEGER NOT NULL PRIMARY KEY CHECK (Id = 1),
                    Suspended INTEGER NOT NULL);
                INSERT INTO SearchIndexState (Id, Suspended) VALUES (1, 0);
                """);
            CreateTriggers(migrationBuilder, "WHEN (SELECT Suspended FROM SearchIndexState) = 0");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            CreateTriggers(migrationBuilder, "");
            migrationBuilder.Sql("DROP TABLE SearchIndexState;");
        }

        private static void CreateTriggers(MigrationBuilder migrationBuilder, string when)
        {
            foreach (var name in TriggerNames)
            {
                migrationBuilder.Sql($"DROP TRIGGER IF EXISTS {name};");
            }

            const string IndexPost = "INSERT INTO SearchEntries(rowid, Title, Text, PostId, CommentId) VALUES (-new.Id, new.Title, new.Body, new.Id, NULL);";
            const string IndexComment = "INSERT INTO SearchEntries(rowid, Title, Text, PostId, CommentId) VALUES (new.Id, '', new.Text, new.PostId, new.Id);";
            migrationBuilder.Sql($"CREATE TRIGGER Posts_SearchInsert AFTER INSERT ON Posts {when} BEGIN {IndexPost} END;");
            migrationBuilder.Sql($"CREATE TRIGGER Posts_SearchUpdate AFTER UPDATE OF Title, Body ON Posts {when} BEGIN DELETE FROM SearchEntries WHERE rowid = -old.Id; {IndexPost} END;");
            migrationBuilder.Sql($"CREATE TRIGGER Posts_SearchDelete AFTER DELETE ON Posts {when} BEGIN DELETE FROM SearchEntries WHERE rowid = -old.Id; END;");
            migrationBuilder.Sql($"CREATE TRIGGER Comments_SearchInsert AFTER INSERT ON Comments {when} BEGIN {IndexComment} END;");
            migrationBuilder.Sql($"CREATE TRIGGER Comments_SearchUpdate AFTER UPDATE OF Text ON Comments {when} BEGIN DELETE FROM SearchEntries WHERE rowid = old.Id; {IndexComment} END;");
            migrationBuilder.Sql($"CREATE TRIGGER Comments_SearchDelete AFTER DELETE ON Comments {when} BEGIN DELETE FROM SearchEntries WHERE rowid = old.Id; END;");
        }
    }
}
