using System.Diagnostics;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using ProbationArchive.Web.Tests.Support;

namespace ProbationArchive.Web.Tests.Reliability;

/// <summary>
/// The import command, a separate process, writes into the very SQLite file the web app is serving
/// while readers fetch post and list pages as fast as they can. No request fails, and every post
/// page shows one whole thread: all the comments one import wrote for that post, none from
/// another version, never part of one. First into an empty archive, then again with every thread
/// changed (the update path).
/// </summary>
public sealed class ReadDuringImportTests
{
    // Enough for several commit groups (100 files each): readers must be able to land between two of them.
    private const int Posts = 600;
    private const int Readers = 4;

    // Bounds the readers' loop whatever happens to the import process.
    private const int MaxRequestsPerReader = 4_000;
    private static readonly TimeSpan ImportDeadline = TimeSpan.FromMinutes(4);

    [Fact]
    public async Task PagesReadWhileTheImportCommandWrites_NeverFail_AndAlwaysShowWholeThreads()
    {
        await using var factory = new ArchiveWebFactory();
        // An empty archive (no seeds), and no output cache: every page must come from the database.
        var app = factory.WithWebHostBuilder(builder => builder
            .UseSetting("Archive:ImportSeedsWhenEmpty", "false")
            .UseSetting("Archive:OutputCache", "false"));
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        Assert.Equal("wal", await JournalModeAsync(factory.DatabasePath));

        var corpus = new ReadingCorpus(Posts);
        var pages = Path.Combine(Path.GetDirectoryName(factory.DatabasePath)!, "pages");
        corpus.Write(pages, version: 1);
        var first = await ReadThroughImportAsync(client, factory.DatabasePath, pages, new ReadExpectations(corpus, Versions: [1], PostsMayBeMissing: true));

        Assert.Empty(first.Failures);
        // Otherwise nothing was read mid-import: a post was missing after another had been shown.
        Assert.True(first.SawTheArchiveMidImport, first.ToString());

        corpus.Write(pages, version: 2);
        var second = await ReadThroughImportAsync(client, factory.DatabasePath, pages, new ReadExpectations(corpus, Versions: [1, 2], PostsMayBeMissing: false));

        Assert.Empty(second.Failures);
        // A thread of version 1 was shown after one of version 2 had been.
        Assert.True(second.SawTheArchiveMidImport, second.ToString());

        // Once the import is over, every post shows its whole version-2 thread.
        var settled = new ReadTally(new ReadExpectations(corpus, Versions: [2], PostsMayBeMissing: false));
        for (var post = 0; post < Posts; post++)
        {
            await settled.ReadPostAsync(client, ReadingCorpus.Address(post), post);
        }

        Assert.Empty(settled.Failures);
    }

    private static async Task<ReadTally> ReadThroughImportAsync(HttpClient client, string database, string pages, ReadExpectations expectations)
    {
        var output = new List<string>();
        var clock = Stopwatch.StartNew();
        using var import = ImportProcess.Start(database, output, [pages]);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        deadline.CancelAfter(ImportDeadline);
        var tally = new ReadTally(expectations);
        try
        {
            await Task.WhenAll(Enumerable.Range(0, Readers).Select(reader => ReadUntilExitAsync(client, import, tally, reader, deadline.Token)));
            await import.WaitForExitAsync(deadline.Token);
        }
        finally
        {
            if (!import.HasExited)
            {
                import.Kill(entireProcessTree: true);
            }
        }

        lock (output)
        {
            Assert.True(import.ExitCode == 0, string.Join('\n', output));
        }

        TestContext.Current.TestOutputHelper?.WriteLine($"{tally}, import and reads took {clock.Elapsed.TotalSeconds:F1} s");

        return tally;
    }

    /// <summary>
    /// One reader, until the import ends: list pages (one request in four), posts at random, and
    /// the posts just past the newest one seen, which the import is writing at that moment.
    /// </summary>
    private static async Task ReadUntilExitAsync(HttpClient client, Process import, ReadTally tally, int reader, CancellationToken cancellationToken)
    {
        var random = new Random(20261124 + reader);
        for (var n = 0; n < MaxRequestsPerReader && !import.HasExited && !cancellationToken.IsCancellationRequested; n++)
        {
            // A query string of its own for every request: no cache anywhere could answer it.
            var fresh = $"read={reader}-{n}";
            var choice = random.Next(4);
            if (choice > 0)
            {
                var post = choice == 1 ? random.Next(Posts) : Math.Min(Posts - 1, tally.Frontier + random.Next(1, 3));
                await tally.ReadPostAsync(client, $"{ReadingCorpus.Address(post)}?{fresh}", post);
            }
            else
            {
                await tally.ReadListAsync(client, $"{ListPages[random.Next(ListPages.Length)]}{fresh}");
            }
        }
    }

    private static readonly string[] ListPages =
    [
        "/?", "/?page=2&", "/?page=5&", "/?page=15&", "/2016?", "/2016/03?", "/2016/06?", "/labels?",
        $"/label/{Uri.EscapeDataString(ReadingCorpus.LabelPrefix)}3?", $"/label/{Uri.EscapeDataString(ReadingCorpus.LabelPrefix)}17?",
    ];

    private static async Task<string> JournalModeAsync(string database)
    {
        await using var connection = new SqliteConnection($"Data Source={database};Pooling=False");
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";
        return (string)(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken))!;
    }
}
