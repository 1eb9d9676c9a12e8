using Microsoft.EntityFrameworkCore;
using ProbationArchive.Core.Archive;
using ProbationArchive.Core.Tests.Support;

namespace ProbationArchive.Core.Tests.Import.Blogger;

/// <summary>
/// A real Blogger "Export blog" file (../shared/fixtures/SOURCES.md): 4 posts, 1 page with 13
/// comments, 57 settings and a template, imported by the real importer into a real archive.
/// </summary>
public sealed class BloggerFixtureTests
{
    [Fact]
    public async Task Import_TheRealExport_StoresEachKindAndCountsWhatItLeavesOut()
    {
        await using var archive = await TestArchive.CreateAsync();

        var summary = await archive.ImportAsync(Exports.Fixture);

        Assert.True(summary.Succeeded, string.Join("\n", summary.Failures.SelectMany(f => f.Messages)));
        Assert.Equal((4, 1, 13, 0, 57, 1, 0), (summary.Export.Posts, summary.Export.Pages, summary.Export.Comments, summary.Export.Drafts, summary.Export.Settings, summary.Export.Templates, summary.Export.Skipped));
        await using var db = archive.OpenContext();
        var ct = TestContext.Current.CancellationToken;
        var posts = (await db.Posts.IgnoreQueryFilters().ToListAsync(ct)).OrderBy(p => p.PublishedAt).ToList();
        Assert.Equal(
            [
                (PostKind.Post, "2010/10/mo-words-for-win-phone-7"),
                (PostKind.Page, "p/feedback"),
                (PostKind.Post, "2010/10/version-10-submitted-to-marketplace"),
                (PostKind.Post, "2010/10/mo-words-is-live"),
                (PostKind.Post, "2010/10/update-13-released-on-marketplace"),
            ],
            posts.Select(p => (p.Kind, p.Permalink)));
        Assert.All(posts, p => Assert.Equal(TextFormat.Html, p.BodyFormat));
        Assert.Equal("3200193110452366912.1099408231173381423", posts[1].BloggerId);
        Assert.Equal(new DateTimeOffset(2010, 10, 27, 7, 52, 0, TimeSpan.FromHours(-7)), posts[4].PublishedAt);
        Assert.Equal(TimeSpan.FromHours(-7), posts[4].PublishedAt!.Value.Offset);
    }

    [Fact]
    public async Task Import_TheRealExport_PutsThirteenCommentsOnThePageWithTheirAuthorsAndTimes()
    {
        await using var archive = await TestArchive.CreateAsync();
        await archive.ImportAsync(Exports.Fixture);

        await using var db = archive.OpenContext();
        var ct = TestContext.Current.CancellationToken;
        // The page is no post: the query filters that keep pages out of lists are lifted to reach it.
        var comments = await db.Comments.IgnoreQueryFilters().Include(c => c.Post).OrderBy(c => c.Position).ToListAsync(ct);
        Assert.Equal(13, comments.Count);
        Assert.All(comments, c => Assert.Equal("p/feedback", c.Post.Permalink));
        Assert.Equal(8, comments.Count(c => c.AuthorName == "Anonymous"));
        Assert.Equal(5, comments.Count(c => c.AuthorName == "Jacob Gable" && c.AuthorUri == "http://www.blogger.com/profile/06143537581139815312"));
        Assert.All(comments, c => Assert.Null(c.ParentId));
        // In order of publication, the published time (not updated, not the truncated title) with its offset.
        Assert.Equal(new DateTimeOffset(2010, 10, 16, 22, 15, 37, 489, TimeSpan.FromHours(-7)), comments[0].PublishedAt);
        Assert.StartsWith("I have downloaded the trial version. I register and it says", comments[0].SearchText, StringComparison.Ordinal);
        Assert.Equal(comments.OrderBy(c => c.PublishedAt).Select(c => c.Id), comments.Select(c => c.Id));
    }

    [Fact]
    public async Task Import_TheRealExport_KeepsTheLabelOnItsPostAndNoEmailAddress()
    {
        await using var archive = await TestArchive.CreateAsync();
        await archive.ImportAsync(Exports.Fixture);

        await using var db = archive.OpenContext();
        var ct = TestContext.Current.CancellationToken;
        var labelled = await db.Posts.Where(p => p.Labels.Any()).Select(p => new { p.Title, Labels = p.Labels.Select(l => l.Name).ToList() }).SingleAsync(ct);
        Assert.Equal(("Mo Words is Live!", "v1.0"), (labelled.Title, Assert.Single(labelled.Labels)));
        var stored = string.Join("\n", await db.Posts.IgnoreQueryFilters().Select(p => p.Title + p.Body + p.AuthorName + p.AuthorUri).ToListAsync(ct))
            + string.Join("\n", await db.Comments.Select(c => c.Text + c.AuthorName + c.AuthorUri).ToListAsync(ct));
        Assert.DoesNotContain("noreply@blogger.com", stored, StringComparison.Ordinal);
        Assert.DoesNotContain("jacob.gable@gmail.com", stored, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_TheRealExportTwice_ChangesNoRow()
    {
        await using var archive = await TestArchive.CreateAsync();
        await archive.ImportAsync(Exports.Fixture);
        var before = await ArchiveSnapshot.TakeAsync(archive);

        var again = await archive.ImportAsync(Exports.Fixture);

        Assert.Equal(1, again.FilesUnchanged);
        Assert.Equal(before, await ArchiveSnapshot.TakeAsync(archive));
    }

    [Fact]
    public async Task Import_TheRealExportUnderAnotherPath_MatchesEveryEntryByItsBloggerIdAndDoublesNothing()
    {
        await using var archive = await TestArchive.CreateAsync();
        await archive.ImportAsync(Exports.Fixture);
        var copy = Path.Combine(archive.Folder, "copy.xml");
        File.Copy(Exports.Fixture, copy);

        var again = await archive.ImportAsync(copy);

        Assert.Equal((0, 0, 5), (again.PostsNew, again.PostsUpdated, again.PostsUnchanged));
        await using var db = archive.OpenContext();
        Assert.Equal(5, await db.Posts.IgnoreQueryFilters().CountAsync(TestContext.Current.CancellationToken));
        Assert.Equal(13, await db.Comments.CountAsync(TestContext.Current.CancellationToken));
    }
}
