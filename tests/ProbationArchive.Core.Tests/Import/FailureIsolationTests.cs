using Microsoft.EntityFrameworkCore;
using ProbationArchive.Core.Archive;
using ProbationArchive.Core.Import;
using ProbationArchive.Core.Tests.Support;

namespace ProbationArchive.Core.Tests.Import;

public sealed class FailureIsolationTests
{
    [Fact]
    public async Task Import_BadFilesAmongGoodOnes_FailAloneWithPathAndLine()
    {
        await using var archive = await TestArchive.CreateAsync();
        var good = archive.WritePage("a-good.txt", Pages.Post("Monday, 3 June 2019", "Good Post", "Body.", "A comment."));
        var empty = archive.WritePage("b-empty.txt", "");
        var binary = Path.Combine(archive.Folder, "pages", "c-binary.txt");
        File.WriteAllBytes(binary, [0x50, 0x4B, 0x03, 0x04, 0x00, 0x00, 0xFF, 0x00]);
        var notAPage = archive.WritePage("d-notes.txt", "Shopping list\n- eggs\n");
        var good2 = archive.WritePage("e-good.txt", Pages.Post("Tuesday, 4 June 2019", "Another Good Post", "Body."));

        var summary = await archive.ImportAsync(Path.Combine(archive.Folder, "pages"));

        Assert.Equal(5, summary.FilesRead);
        Assert.Equal(2, summary.FilesImported);
        Assert.Equal([empty, binary, notAPage], summary.Failures.Select(f => f.Path));
        Assert.Equal(["empty", "binary", "not-a-blog-page"], summary.Failures.Select(f => f.Diagnostics[0].Code));
        Assert.All(summary.Failures, f => Assert.Matches(@"^/.+\.txt:\d+: error [a-z0-9-]+: .+", Assert.Single(f.Messages)));
        await using var db = archive.OpenContext();
        Assert.Equal(2, await db.Posts.CountAsync(TestContext.Current.CancellationToken));
        Assert.Equal([good, good2], await db.SourceFiles.OrderBy(s => s.Path).Select(s => s.Path).ToListAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Import_FileThatFailsToStore_IsUndoneAloneAndTheFilesAroundItAreKept()
    {
        await using var archive = await TestArchive.CreateAsync();
        await using (var db = archive.OpenContext())
        {
            // Stands in for a disk or constraint error part-way through storing one file, after its post row was written.
            await db.Database.ExecuteSqlRawAsync(
                "CREATE TRIGGER FailOnComment BEFORE INSERT ON Comments WHEN new.Text = 'Explode.' BEGIN SELECT RAISE(ABORT, 'simulated failure'); END;",
                TestContext.Current.CancellationToken);
        }

        archive.WritePage("a.txt", Pages.Post("Monday, 3 June 2019", "Before", "Body.", "Fine."));
        var failing = archive.WritePage("b.txt", Pages.Post("Tuesday, 4 June 2019", "Failing", "Body.", "Fine.", "Explode."));
        archive.WritePage("c.txt", Pages.Post("Wednesday, 5 June 2019", "After", "Body.", "Fine."));

        var summary = await archive.ImportAsync(Path.Combine(archive.Folder, "pages"));

        var failure = Assert.Single(summary.Failures);
        Assert.Equal(failing, failure.Path);
        var message = Assert.Single(failure.Messages);
        Assert.StartsWith($"{failing}:1: error store-failed: ", message, StringComparison.Ordinal);
        Assert.Contains("simulated failure", message, StringComparison.Ordinal);
        await using var check = archive.OpenContext();
        Assert.Equal(["After", "Before"], await check.Posts.OrderBy(p => p.Title).Select(p => p.Title).ToListAsync(TestContext.Current.CancellationToken));
        Assert.Equal(2, await check.Comments.CountAsync(TestContext.Current.CancellationToken));
        Assert.Equal(2, await check.SourceFiles.CountAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Import_WhenAGroupCannotCommit_StopsStoresNoneOfItAndARerunStoresIt()
    {
        await using var archive = await TestArchive.CreateAsync();
        await using (var db = archive.OpenContext())
        {
            // A foreign key checked only at COMMIT stands in for a disk that fills as the group commits.
            await db.Database.ExecuteSqlRawAsync("""
                CREATE TABLE Missing (Id INTEGER PRIMARY KEY);
                CREATE TABLE Tripwire (MissingId INTEGER REFERENCES Missing (Id) DEFERRABLE INITIALLY DEFERRED);
                CREATE TRIGGER TripOnTitle AFTER INSERT ON Posts WHEN new.Title = 'Tripwire' BEGIN INSERT INTO Tripwire VALUES (42); END;
                """, TestContext.Current.CancellationToken);
        }

        archive.WritePage("a.txt", Pages.Post("Monday, 3 June 2019", "Before", "Body.", "Fine."));
        archive.WritePage("b.txt", Pages.Post("Tuesday, 4 June 2019", "Tripwire", "Body."));
        archive.WritePage("c.txt", Pages.Post("Wednesday, 5 June 2019", "After", "Body."));
        var pages = Path.Combine(archive.Folder, "pages");

        var failure = await Assert.ThrowsAsync<ImportCommitFailedException>(() => archive.ImportAsync(pages));

        Assert.Equal(3, failure.Files);
        Assert.Contains("none of them was stored", failure.Message, StringComparison.Ordinal);
        await using (var db = archive.OpenContext())
        {
            Assert.Equal(0, await db.Posts.CountAsync(TestContext.Current.CancellationToken));
            Assert.Equal(0, await db.SourceFiles.CountAsync(TestContext.Current.CancellationToken));
            await db.Database.ExecuteSqlRawAsync("DROP TRIGGER TripOnTitle", TestContext.Current.CancellationToken);
        }

        var rerun = await archive.ImportAsync(pages);

        Assert.Equal(3, rerun.FilesImported);
        await using var check = archive.OpenContext();
        Assert.Equal(["After", "Before", "Tripwire"], await check.Posts.OrderBy(p => p.Title).Select(p => p.Title).ToListAsync(TestContext.Current.CancellationToken));
        Assert.Equal(0L, await check.Database.SqlQueryRaw<long>("SELECT Suspended AS Value FROM SearchIndexState").SingleAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Import_GoodFileLaterBroken_KeepsWhatWasStored()
    {
        await using var archive = await TestArchive.CreateAsync();
        var page = archive.WritePage("post.txt", Pages.Post("Monday, 3 June 2019", "Good Post", "Body.", "A comment."));
        await archive.ImportAsync(page);
        var before = await ArchiveSnapshot.TakeAsync(archive);

        File.WriteAllText(page, "Monday, 31 February 2019\n\nGood Post\n\nBody.\n");
        var summary = await archive.ImportAsync(page);

        var failure = Assert.Single(summary.Failures);
        Assert.StartsWith($"{page}:1: error impossible-date", Assert.Single(failure.Messages), StringComparison.Ordinal);
        Assert.Equal(before, await ArchiveSnapshot.TakeAsync(archive));
    }

    [Fact]
    public async Task Import_InvalidUtf8_NamesTheLineOfTheBadByte()
    {
        await using var archive = await TestArchive.CreateAsync();
        var path = Path.Combine(archive.Folder, "latin1.txt");
        File.WriteAllBytes(path, [.. "Monday, 3 June 2019\n\nTitle\n\n"u8, 0x43, 0x61, 0x66, 0xE9, (byte)'\n']);

        var summary = await archive.ImportAsync(path);

        var message = Assert.Single(Assert.Single(summary.Failures).Messages);
        Assert.StartsWith($"{path}:5: error invalid-utf8", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_CountMismatch_IsAWarningStoredWithTheSourceFile()
    {
        await using var archive = await TestArchive.CreateAsync();
        var text = Pages.Post("Monday, 3 June 2019", "Miscounted", "Body.", "Only one.").Replace("1 comment:", "3 comments:", StringComparison.Ordinal);
        var page = archive.WritePage("post.txt", text);

        var summary = await archive.ImportAsync(page);

        Assert.True(summary.Succeeded);
        Assert.Equal(1, summary.Warnings);
        await using var db = archive.OpenContext();
        var source = await db.SourceFiles.Include(s => s.Diagnostics).SingleAsync(TestContext.Current.CancellationToken);
        Assert.Equal(ImportOutcome.ImportedWithWarnings, source.Outcome);
        var warning = Assert.Single(source.Diagnostics);
        Assert.Equal(("count-mismatch", 7), (warning.Code, warning.Line));
    }

    [Fact]
    public async Task Import_PathThatDoesNotExist_IsReportedAndOthersStillImport()
    {
        await using var archive = await TestArchive.CreateAsync();
        var good = archive.WritePage("good.txt", Pages.Post("Monday, 3 June 2019", "Good Post", "Body."));
        var missing = Path.Combine(archive.Folder, "no-such-folder");

        var summary = await archive.ImportAsync(missing, good);

        Assert.Equal([missing], summary.Failures.Select(f => f.Path));
        Assert.Equal(FileOutcome.Failed, summary.Failures[0].Outcome);
        Assert.Equal(1, summary.PostsNew);
    }
}
