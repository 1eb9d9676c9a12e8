using Microsoft.EntityFrameworkCore;

namespace ProbationArchive.Bench.Tests;

/// <summary>The benchmark's import, at CI size: the real importer stores exactly what the generator wrote.</summary>
public sealed class ImportTests(SmallCorpus corpus) : IClassFixture<SmallCorpus>
{
    [Fact]
    public async Task Import_GeneratedCorpus_StoresWhatTheGeneratorWrote_AndASecondImportChangesNothing()
    {
        var ct = TestContext.Current.CancellationToken;
        var manifest = corpus.Manifest;
        await using var db = await corpus.OpenArchiveAsync(ct);

        var first = await corpus.ImportAsync(db, ct);

        Assert.Empty(first.Failures.SelectMany(f => f.Messages));
        Assert.Equal(0, first.Warnings);
        Assert.Equal(manifest.Files, first.FilesImported);
        Assert.Equal(manifest.Posts, await db.Posts.CountAsync(ct));
        Assert.Equal(manifest.UndatedPosts, await db.Posts.CountAsync(p => p.PublishedOn == null, ct));
        Assert.Equal(manifest.Comments, await db.Comments.CountAsync(ct));
        Assert.Equal(manifest.TopLevelComments, await db.Comments.CountAsync(c => c.ParentId == null, ct));
        Assert.Equal(manifest.Labels, await db.Labels.CountAsync(ct));
        Assert.Equal(manifest.PostLabels, await db.PostLabels.CountAsync(ct));
        Assert.Equal(manifest.PostSources, await db.PostSources.CountAsync(ct));
        Assert.Equal(manifest.Files, await db.SourceFiles.CountAsync(ct));
        Assert.Equal(manifest.BigPost.Count, await db.Comments.CountAsync(c => c.Post.Permalink == manifest.BigPost.Path, ct));
        Assert.Equal(manifest.PopularPost.Count, await db.Comments.CountAsync(c => c.Post.Permalink == manifest.PopularPost.Path, ct));

        var changesBefore = await SmallCorpus.TotalChangesAsync(db, ct);
        var second = await corpus.ImportAsync(db, ct);

        Assert.Equal(manifest.Files, second.FilesUnchanged);
        Assert.Equal(0, second.FilesImported);
        Assert.Equal(changesBefore, await SmallCorpus.TotalChangesAsync(db, ct));
    }
}
