using Microsoft.EntityFrameworkCore;
using ProbationArchive.Core.Search;
using ProbationArchive.Core.Tests.Support;

namespace ProbationArchive.Core.Tests.Search;

/// <summary>
/// A bulk import suspends the search triggers and rebuilds the index at its end; a small one keeps
/// it in step row by row; an import that finds the index left suspended by an interrupted run
/// rebuilds it. Either way the index ends holding exactly every post and comment.
/// </summary>
public sealed class SearchIndexRebuildTests
{
    [Fact]
    public async Task Import_IntoAnEmptyArchive_RebuildsTheIndexOnceAndItMatchesEveryRow()
    {
        await using var archive = await TestArchive.CreateAsync();

        var summary = await archive.ImportAsync(Seeds.Folder);

        Assert.NotNull(summary.SearchIndexRebuildTime);
        await AssertIndexHoldsEveryRowAsync(archive);
        Assert.Equal(0L, await ScalarAsync(archive, "SELECT Suspended FROM SearchIndexState"));
        Assert.Equal(1L, await ScalarAsync(archive, "SELECT count(*) FROM SearchEntries WHERE SearchEntries MATCH '\"only do for napo\"'"));
        Assert.False(File.Exists(archive.DatabasePath + ".search-build"));
    }

    [Fact]
    public async Task Import_IntoAnEmptyArchiveWithAPageThatMerges_GivesUpTheSideIndexAndRebuilds()
    {
        await using var archive = await TestArchive.CreateAsync();
        archive.WritePage("a-label.txt", Pages.LabelPage("Pay", ("Friday, 7 June 2019", "Only Here", "Zorblaxian first copy.")));
        archive.WritePage("b-label.txt", Pages.LabelPage("Napo", ("Friday, 7 June 2019", "Only Here", "Quuxified second copy.")));

        var summary = await archive.ImportAsync(Seeds.Folder, Path.Combine(archive.Folder, "pages"));

        Assert.True(summary.Succeeded);
        Assert.False(summary.SearchIndexBuiltAlongside);
        await AssertIndexHoldsEveryRowAsync(archive);
        Assert.Equal(1L, await ScalarAsync(archive, "SELECT count(*) FROM SearchEntries WHERE SearchEntries MATCH 'quuxified'"));
        Assert.Equal(0L, await ScalarAsync(archive, "SELECT count(*) FROM SearchEntries WHERE SearchEntries MATCH 'zorblaxian'"));
    }

    [Fact]
    public async Task Import_OneFileIntoALargerArchive_KeepsTheIndexInStepWithoutARebuild()
    {
        await using var archive = await TestArchive.CreateAsync();
        await archive.ImportAsync(Seeds.Folder);
        var page = archive.WritePage("new.txt", Pages.Post("Monday, 3 June 2019", "Xylophone Inquiry", "Body about a zeppelin.", "A comment on quokkas."));
        // What a first import killed while building its side index leaves beside the archive.
        var leftover = archive.DatabasePath + ".search-build";
        await File.WriteAllTextAsync(leftover, "scratch", TestContext.Current.CancellationToken);

        var summary = await archive.ImportAsync(page);

        Assert.False(File.Exists(leftover));
        Assert.Null(summary.SearchIndexRebuildTime);
        await AssertIndexHoldsEveryRowAsync(archive);
        Assert.Equal(1L, await ScalarAsync(archive, "SELECT count(*) FROM SearchEntries WHERE SearchEntries MATCH 'zeppelin'"));
        Assert.Equal(1L, await ScalarAsync(archive, "SELECT count(*) FROM SearchEntries WHERE SearchEntries MATCH 'quokkas'"));
    }

    [Fact]
    public async Task Import_AfterAnInterruptedBulkImport_RebuildsTheStaleIndexEvenWhenNoFileChanged()
    {
        await using var archive = await TestArchive.CreateAsync();
        await archive.ImportAsync(Seeds.Folder);
        await using (var db = archive.OpenContext())
        {
            // What a bulk import killed before its rebuild leaves: triggers suspended, rows stored but not indexed.
            await db.Database.ExecuteSqlRawAsync("UPDATE SearchIndexState SET Suspended = 1", TestContext.Current.CancellationToken);
            await db.Database.ExecuteSqlRawAsync("DELETE FROM SearchEntries WHERE rowid > 0", TestContext.Current.CancellationToken);
        }

        await using (var db = archive.OpenContext())
        {
            var query = SearchQuery.TryParse("napo", out _)!;
            var duringTheGap = await ArchiveSearch.RunAsync(db, new SearchRequest(query, null, null, null, SearchOrder.Relevance, 1, 10), TestContext.Current.CancellationToken);
            Assert.True(duringTheGap.IndexIsBeingRebuilt);
        }

        var summary = await archive.ImportAsync(Seeds.Folder);

        Assert.Equal(summary.FilesRead, summary.FilesUnchanged);
        Assert.NotNull(summary.SearchIndexRebuildTime);
        await AssertIndexHoldsEveryRowAsync(archive);
        Assert.Equal(0L, await ScalarAsync(archive, "SELECT Suspended FROM SearchIndexState"));
    }

    [Fact]
    public async Task Writes_WhileSuspended_LeaveTheIndexAlone()
    {
        await using var archive = await TestArchive.CreateAsync();
        await archive.ImportAsync(Seeds.Folder);
        var before = await IndexedEntriesAsync(archive);
        await using var db = archive.OpenContext();
        await db.Database.ExecuteSqlRawAsync("UPDATE SearchIndexState SET Suspended = 1", TestContext.Current.CancellationToken);

        await db.Database.ExecuteSqlRawAsync("DELETE FROM Comments WHERE Id = (SELECT max(Id) FROM Comments)", TestContext.Current.CancellationToken);

        Assert.Equal(before, await IndexedEntriesAsync(archive));
    }

    /// <summary>
    /// The index is external-content (it reads the text from Posts and Comments), so it is checked
    /// against them by FTS5 itself: 'integrity-check' with rank 1 re-tokenises every row of the
    /// content and fails on any entry missing, extra or different; and it must hold one document
    /// for each post and comment that has a word to index.
    /// </summary>
    private static async Task AssertIndexHoldsEveryRowAsync(TestArchive archive)
    {
        await ScalarTextAsync(archive, "INSERT INTO SearchEntries(SearchEntries, rank) VALUES('integrity-check', 1)");
        Assert.Equal(
            await ScalarAsync(archive, "SELECT (SELECT count(*) FROM Posts) + (SELECT count(*) FROM Comments WHERE Text GLOB '*[A-Za-z0-9]*')"),
            (await IndexedEntriesAsync(archive)).Count);
    }

    /// <summary>The entry ids the index holds terms for, read from the index itself (fts5vocab), not from the content.</summary>
    private static async Task<IReadOnlyList<long>> IndexedEntriesAsync(TestArchive archive)
    {
        await using var db = archive.OpenContext();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            CREATE VIRTUAL TABLE IF NOT EXISTS temp.SearchTerms USING fts5vocab(main, 'SearchEntries', 'instance');
            SELECT DISTINCT doc FROM temp.SearchTerms ORDER BY doc;
            """;
        await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        var entries = new List<long>();
        while (await reader.ReadAsync(TestContext.Current.CancellationToken))
        {
            entries.Add(reader.GetInt64(0));
        }

        return entries;
    }

    private static async Task<long> ScalarAsync(TestArchive archive, string sql) => long.Parse(await ScalarTextAsync(archive, sql), System.Globalization.CultureInfo.InvariantCulture);

    private static async Task<string> ScalarTextAsync(TestArchive archive, string sql)
    {
        await using var db = archive.OpenContext();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken), System.Globalization.CultureInfo.InvariantCulture) ?? "";
    }
}
