using Microsoft.EntityFrameworkCore;
using ProbationArchive.Core.Archive;
using ProbationArchive.Core.Data;
using ProbationArchive.Core.Tests.Support;

namespace ProbationArchive.Core.Tests.Import;

public class ImportSeedsTests
{
    /// <summary>The store the tests run on; PostgreSQL's subclass (PostgreSql/) runs them again there.</summary>
    protected virtual ArchiveProvider Provider => ArchiveProvider.Sqlite;

    [Fact]
    public async Task Import_Seeds_StoresTheWholeCorpus()
    {
        await using var archive = await TestArchive.CreateAsync(Provider);

        var summary = await archive.ImportAsync(Seeds.Folder);

        Assert.True(summary.Succeeded);
        Assert.Equal((5, 10, 109, 1, 0), (summary.FilesRead, summary.PostsNew, summary.Comments, summary.Labels, summary.Warnings));
        await using var db = archive.OpenContext();
        var ct = TestContext.Current.CancellationToken;
        Assert.Equal(10, await db.Posts.CountAsync(ct));
        Assert.Equal(1, await db.Posts.CountAsync(p => p.PublishedOn == null && p.TitleIsDerived, ct));
        Assert.Equal(51, await db.Comments.CountAsync(c => c.ParentId == null, ct));
        Assert.Equal(58, await db.Comments.CountAsync(c => c.ParentId != null, ct));
        var labelled = await db.Posts.Where(p => p.Labels.Any(l => l.Name == "PO")).Select(p => p.Title).ToListAsync(ct);
        Assert.Equal(6, labelled.Count);
        Assert.Single(await db.Labels.ToListAsync(ct));
    }

    [Fact]
    public async Task Import_Seeds_RecordsEachSourceFileAndWhichPostsCameFromIt()
    {
        await using var archive = await TestArchive.CreateAsync(Provider);
        await archive.ImportAsync(Seeds.Folder);

        await using var db = archive.OpenContext();
        var ct = TestContext.Current.CancellationToken;
        var files = await db.SourceFiles.Include(s => s.Posts).OrderBy(s => s.Path).ToListAsync(ct);
        Assert.Equal(Seeds.All.Select(Path.GetFullPath), files.Select(f => f.Path));
        Assert.All(files, f => Assert.Matches("^[0-9a-f]{64}$", f.ContentHash));
        Assert.All(files, f => Assert.Equal(ImportOutcome.Imported, f.Outcome));
        Assert.Equal([1, 1, 1, 1, 6], files.Select(f => f.Posts.Count));

        var napo = await db.Posts.Where(p => p.Title == "Latest From Napo 179")
            .Select(p => p.Sources.Select(s => s.SourceFile.Path).ToList()).SingleAsync(ct);
        Assert.Equal([Path.GetFullPath(Seeds.PostPage2018)], napo);
    }

    [Fact]
    public async Task Import_SeedsTwice_ChangesNoRowAndNoId()
    {
        await using var archive = await TestArchive.CreateAsync(Provider);
        await archive.ImportAsync(Seeds.Folder);
        var before = await ArchiveSnapshot.TakeAsync(archive);

        var second = await archive.ImportAsync(Seeds.Folder);

        Assert.Equal((5, 0, 0, 10), (second.FilesUnchanged, second.PostsNew, second.PostsUpdated, second.PostsUnchanged));
        Assert.Equal(before, await ArchiveSnapshot.TakeAsync(archive));
    }

    [Fact]
    public async Task Import_SameSeedsFromAnotherFolder_MergesIntoTheSamePosts()
    {
        await using var archive = await TestArchive.CreateAsync(Provider);
        await archive.ImportAsync(Seeds.Folder);
        var before = await ArchiveSnapshot.TakeAsync(archive);
        var copy = Path.Combine(archive.Folder, "copy");
        Directory.CreateDirectory(copy);
        foreach (var seed in Seeds.All)
        {
            File.Copy(seed, Path.Combine(copy, Path.GetFileName(seed)));
        }

        var second = await archive.ImportAsync(copy);

        Assert.Equal((5, 0, 0, 10), (second.FilesImported, second.PostsNew, second.PostsUpdated, second.PostsUnchanged));
        var after = await ArchiveSnapshot.TakeAsync(archive);
        Assert.Equal(before.Posts, after.Posts);
        Assert.Equal(before.Comments, after.Comments);
        Assert.Equal(before.PostLabels, after.PostLabels);
    }
}
