using Microsoft.EntityFrameworkCore;
using ProbationArchive.Core.Data;

namespace ProbationArchive.Core.Tests.Support;

/// <summary>
/// Asks the search index itself, beside ArchiveSearch, which entries match a word: FTS5's table on
/// SQLite, the stored tsvectors on PostgreSQL (drafts and their comments left out, as SQLite's view
/// leaves them out). An entry is a post (-Id) or a comment (+Id).
/// </summary>
public static class SearchIndexProbe
{
    public static Task<List<long>> EntriesMatchingAsync(ArchiveDbContext db, string word) =>
        db.Database.IsNpgsql()
            ? db.Database.SqlQuery<long>($"""
                SELECT -p."Id"::bigint AS "Value" FROM "Posts" p WHERE NOT p."IsDraft" AND p."SearchVector" @@ to_tsquery('archive', {word})
                UNION ALL
                SELECT c."Id" FROM "Comments" c JOIN "Posts" p ON p."Id" = c."PostId" WHERE NOT p."IsDraft" AND c."SearchVector" @@ to_tsquery('archive', {word})
                """).ToListAsync(TestContext.Current.CancellationToken)
            : db.Database.SqlQuery<long>($"SELECT rowid AS Value FROM SearchEntries WHERE SearchEntries MATCH {word}").ToListAsync(TestContext.Current.CancellationToken);

    /// <summary>How many entries the index holds: every published post and every comment of one.</summary>
    public static Task<int> CountAsync(ArchiveDbContext db) =>
        db.Database.IsNpgsql()
            ? db.Database.SqlQuery<int>($"""
                SELECT ((SELECT count(*) FROM "Posts" WHERE NOT "IsDraft" AND "SearchVector" IS NOT NULL)
                      + (SELECT count(*) FROM "Comments" c JOIN "Posts" p ON p."Id" = c."PostId" WHERE NOT p."IsDraft" AND c."SearchVector" IS NOT NULL))::integer AS "Value"
                """).SingleAsync(TestContext.Current.CancellationToken)
            : db.Database.SqlQuery<int>($"SELECT count(*) AS Value FROM SearchEntries").SingleAsync(TestContext.Current.CancellationToken);
}
