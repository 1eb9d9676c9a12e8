using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ProbationArchive.Data.PostgreSql.Migrations
{
    /// <summary>
    /// PostgreSQL's side of what SQLite does with FTS5 and <c>PRAGMA data_version</c>:
    /// <list type="bullet">
    /// <item>Full-text search: a stored <c>tsvector</c> per post (title weighted A, text D) and per
    /// comment, generated from the row, so every writer keeps it in step in its own transaction
    /// (no triggers to suspend, nothing to rebuild), with a GIN index each. The text search
    /// configuration <c>archive</c> stems English words with Snowball, as FTS5's porter tokenizer
    /// does, and keeps stop words, as FTS5 does (so "only do for napo" is a phrase of four words).
    /// An export's HTML is indexed by its text without markup (SearchText).</item>
    /// <item>The data version: one row, bumped once by each transaction that changes any table a
    /// page shows (a statement trigger on each), which then notifies channel
    /// <c>archive_version</c> with the new number on commit. Every web node listens, so an import
    /// through any node's command reaches every node's output cache key.</item>
    /// </list>
    /// </summary>
    public partial class SearchIndexAndDataVersion : Migration
    {
        private static readonly string[] VersionedTables = ["Posts", "Comments", "Labels", "PostLabels", "PostSources", "SourceFiles", "ImportDiagnostics"];

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE TEXT SEARCH DICTIONARY archive_stem (TEMPLATE = snowball, Language = english);
                CREATE TEXT SEARCH CONFIGURATION archive (COPY = simple);
                ALTER TEXT SEARCH CONFIGURATION archive
                    ALTER MAPPING FOR asciiword, asciihword, hword_asciipart, word, hword, hword_part WITH archive_stem;
                """);
            migrationBuilder.Sql("""
                ALTER TABLE "Posts" ADD COLUMN "SearchVector" tsvector GENERATED ALWAYS AS (
                    setweight(to_tsvector('archive', "Title"), 'A') || setweight(to_tsvector('archive', coalesce("SearchText", "Body")), 'D')) STORED;
                CREATE INDEX "IX_Posts_SearchVector" ON "Posts" USING gin ("SearchVector");
                ALTER TABLE "Comments" ADD COLUMN "SearchVector" tsvector GENERATED ALWAYS AS (
                    to_tsvector('archive', coalesce("SearchText", "Text"))) STORED;
                CREATE INDEX "IX_Comments_SearchVector" ON "Comments" USING gin ("SearchVector");
                """);
            migrationBuilder.Sql("""
                CREATE TABLE "ArchiveVersion" (
                    "Id" integer PRIMARY KEY CHECK ("Id" = 1),
                    "Version" bigint NOT NULL,
                    "ChangedBy" xid8);
                INSERT INTO "ArchiveVersion" ("Id", "Version") VALUES (1, 1);
                CREATE FUNCTION archive_version_bump() RETURNS trigger LANGUAGE plpgsql AS $$
                DECLARE
                    bumped bigint;
                BEGIN
                    -- Once a transaction: later statements of the same transaction find it bumped already.
                    -- Undone with a rolled-back savepoint, so the next statement bumps it again.
                    UPDATE "ArchiveVersion" SET "Version" = "Version" + 1, "ChangedBy" = pg_current_xact_id()
                    WHERE "Id" = 1 AND "ChangedBy" IS DISTINCT FROM pg_current_xact_id()
                    RETURNING "Version" INTO bumped;
                    IF bumped IS NOT NULL THEN
                        -- Delivered when (and only if) the transaction commits.
                        PERFORM pg_notify('archive_version', bumped::text);
                    END IF;
                    RETURN NULL;
                END $$;
                """);
            foreach (var table in VersionedTables)
            {
                migrationBuilder.Sql($"""
                    CREATE TRIGGER "{table}_BumpVersion" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "{table}"
                        FOR EACH STATEMENT EXECUTE FUNCTION archive_version_bump();
                    """);
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var table in VersionedTables)
            {
                migrationBuilder.Sql($"""DROP TRIGGER "{table}_BumpVersion" ON "{table}";""");
            }

            migrationBuilder.Sql("""
                DROP FUNCTION archive_version_bump();
                DROP TABLE "ArchiveVersion";
                ALTER TABLE "Comments" DROP COLUMN "SearchVector";
                ALTER TABLE "Posts" DROP COLUMN "SearchVector";
                DROP TEXT SEARCH CONFIGURATION archive;
                DROP TEXT SEARCH DICTIONARY archive_stem;
                """);
        }
    }
}
