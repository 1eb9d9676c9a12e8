using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ProbationArchive.Core.Data.Migrations
{
    /// <summary>
    /// The search index stops keeping its own copy of every title, body and comment (a third of
    /// the archive file): it becomes an external-content FTS5 table over the view
    /// <c>SearchContent</c>, which reads the text from Posts and Comments. Entry ids are as before:
    /// -Id for a post, +Id for a comment. <c>IX_Posts_SearchEntryId</c> lets a lookup of a post's
    /// entry (FTS5 reads the view by entry id for snippets) use an index instead of a scan.
    /// External content means a deleted or changed row must be removed from the index with its old
    /// text, so the triggers pass <c>old.*</c> to FTS5's 'delete' command.
    /// </summary>
    public partial class ExternalContentSearchIndex : Migration
    {
        private static readonly string[] TriggerNames =
            ["Posts_SearchInsert", "Posts_SearchUpdate", "Posts_SearchDelete", "Comments_SearchInsert", "Comments_SearchUpdate", "Comments_SearchDelete"];

        private const string Tokenizer = "tokenize = 'porter unicode61 remove_diacritics 2'";
        private const string WhenIndexed = "WHEN (SELECT Suspended FROM SearchIndexState) = 0";

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            DropTriggers(migrationBuilder);
            migrationBuilder.Sql("DROP TABLE SearchEntries;");
            migrationBuilder.Sql("CREATE INDEX IX_Posts_SearchEntryId ON Posts (-Id);");
            migrationBuilder.Sql("""
                CREATE VIEW SearchContent (EntryId, Title, Text) AS
                    SELECT -Id, Title, Body FROM Posts
                    UNION ALL
                    SELECT Id, '', Text FROM Comments;
                """);
            migrationBuilder.Sql($"CREATE VIRTUAL TABLE SearchEntries USING fts5(Title, Text, content = 'SearchContent', content_rowid = 'EntryId', {Tokenizer});");

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

            // Index what is stored; a suspended index stays for the next import to rebuild.
            migrationBuilder.Sql("INSERT INTO SearchEntries (SearchEntries) VALUES ('rebuild');");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            DropTriggers(migrationBuilder);
            migrationBuilder.Sql("DROP TABLE SearchEntries;");
            migrationBuilder.Sql("DROP VIEW SearchContent;");
            migrationBuilder.Sql("DROP INDEX IX_Posts_SearchEntryId;");
            migrationBuilder.Sql($"CREATE VIRTUAL TABLE SearchEntries USING fts5(Title, Text, PostId UNINDEXED, CommentId UNINDEXED, {Tokenizer});");

            const string IndexPost = "INSERT INTO SearchEntries(rowid, Title, Text, PostId, CommentId) VALUES (-new.Id, new.Title, new.Body, new.Id, NULL);";
            const string IndexComment = "INSERT INTO SearchEntries(rowid, Title, Text, PostId, CommentId) VALUES (new.Id, '', new.Text, new.PostId, new.Id);";
            migrationBuilder.Sql($"CREATE TRIGGER Posts_SearchInsert AFTER INSERT ON Posts {WhenIndexed} BEGIN {IndexPost} END;");
            migrationBuilder.Sql($"CREATE TRIGGER Posts_SearchUpdate AFTER UPDATE OF Title, Body ON Posts {WhenIndexed} BEGIN DELETE FROM SearchEntries WHERE rowid = -old.Id; {IndexPost} END;");
            migrationBuilder.Sql($"CREATE TRIGGER Posts_SearchDelete AFTER DELETE ON Posts {WhenIndexed} BEGIN DELETE FROM SearchEntries WHERE rowid = -old.Id; END;");
            migrationBuilder.Sql($"CREATE TRIGGER Comments_SearchInsert AFTER INSERT ON Comments {WhenIndexed} BEGIN {IndexComment} END;");
            migrationBuilder.Sql($"CREATE TRIGGER Comments_SearchUpdate AFTER UPDATE OF Text ON Comments {WhenIndexed} BEGIN DELETE FROM SearchEntries WHERE rowid = old.Id; {IndexComment} END;");
            migrationBuilder.Sql($"CREATE TRIGGER Comments_SearchDelete AFTER DELETE ON Comments {WhenIndexed} BEGIN DELETE FROM SearchEntries WHERE rowid = old.Id; END;");
            migrationBuilder.Sql("""
                INSERT INTO SearchEntries(rowid, Title, Text, PostId, CommentId) SELECT -Id, Title, Body, Id, NULL FROM Posts;
                INSERT INTO SearchEntries(rowid, Title, Text, PostId, CommentId) SELECT Id, '', Text, PostId, Id FROM Comments;
                """);
        }

        private static void DropTriggers(MigrationBuilder migrationBuilder)
        {
            foreach (var name in TriggerNames)
            {
                migrationBuilder.Sql($"DROP TRIGGER IF EXISTS {name};");
            }
        }
    }
}
