using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ProbationArchive.Core.Data.Migrations
{
    /// <summary>
    /// Full-text search over post titles, bodies and comments (SQLite FTS5), kept in step with the
    /// tables by triggers, so every writer (the importer included) updates it in the same
    /// transaction. Posts are rows -Id, comments rows +Id, so updates find their entry by rowid.
    /// </summary>
    public partial class SearchIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE VIRTUAL TABLE SearchEntries USING fts5(
                    Title, Text, PostId UNINDEXED, CommentId UNINDEXED,
                    tokenize = 'porter unicode61 remove_diacritics 2');
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER Posts_SearchInsert AFTER INSERT ON Posts BEGIN
                    INSERT INTO SearchEntries(rowid, Title, Text, PostId, CommentId) VALUES (-new.Id, new.Title, new.Body, new.Id, NULL);
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER Posts_SearchUpdate AFTER UPDATE OF Title, Body ON Posts BEGIN
                    DELETE FROM SearchEntries WHERE rowid = -old.Id;
                    INSERT INTO SearchEntries(rowid, Title, Text, PostId, CommentId) VALUES (-new.Id, new.Title, new.Body, new.Id, NULL);
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER Posts_SearchDelete AFTER DELETE ON Posts BEGIN
                    DELETE FROM SearchEntries WHERE rowid = -old.Id;
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER Comments_SearchInsert AFTER INSERT ON Comments BEGIN
                    INSERT INTO SearchEntries(rowid, Title, Text, PostId, CommentId) VALUES (new.Id, '', new.Text, new.PostId, new.Id);
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER Comments_SearchUpdate AFTER UPDATE OF Text ON Comments BEGIN
                    DELETE FROM SearchEntries WHERE rowid = old.Id;
                    INSERT INTO SearchEntries(rowid, Title, Text, PostId, CommentId) VALUES (new.Id, '', new.Text, new.PostId, new.Id);
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER Comments_SearchDelete AFTER DELETE ON Comments BEGIN
                    DELETE FROM SearchEntries WHERE rowid = old.Id;
                END;
                """);
            migrationBuilder.Sql("""
                INSERT INTO SearchEntries(rowid, Title, Text, PostId, CommentId) SELECT -Id, Title, Body, Id, NULL FROM Posts;
                INSERT INTO SearchEntries(rowid, Title, Text, PostId, CommentId) SELECT Id, '', Text, PostId, Id FROM Comments;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var trigger in new[] { "Posts_SearchInsert", "Posts_SearchUpdate", "Posts_SearchDelete", "Comments_SearchInsert", "Comments_SearchUpdate", "Comments_SearchDelete" })
            {
                migrationBuilder.Sql($"DROP TRIGGER IF EXISTS {trigger};");
            }

            migrationBuilder.Sql("DROP TABLE IF EXISTS SearchEntries;");
        }
    }
}
