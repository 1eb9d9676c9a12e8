using Microsoft.EntityFrameworkCore;
using ProbationArchive.Core.Tests.Support;
using static ProbationArchive.Core.Tests.Support.Exports;

namespace ProbationArchive.Core.Tests.Import.Blogger;

/// <summary>
/// A post imported from a saved page and again from the export is one post, in either order: the
/// export's copy wins and adds what the page lacked, comments are matched in order and by text,
/// and a comment only one side has is kept.
/// </summary>
public sealed class BloggerMergeTests
{
    private const string SavedPage = "Tuesday, 11 June 2019";

    private static string Page() => Pages.Post(SavedPage, "A Post", "Body as saved.", "First comment.", "Second comment.", "Only the page kept this one.");

    private static string Export() => Classic(
        [new Post("100", "A Post", "<p>Body as the export has it.</p>", "2019-06-11T10:00:00.000+01:00", "/2019/06/a-post.html", false, false, "Napo")],
        [
            new Comment("201", "100", "First comment.", "2019-06-11T11:00:00.000+01:00"),
            new Comment("202", "100", "<b>Second</b> comment.", "2019-06-11T12:00:00.000+01:00", "Named Person"),
            new Comment("203", "100", "A third the page lacked.", "2019-06-11T13:00:00.000+01:00"),
        ]);

    [Fact]
    public async Task Import_SavedPageThenExport_IsOnePostWithTheExportsCopyAndEveryComment()
    {
        await using var archive = await TestArchive.CreateAsync();
        var page = archive.WritePage("a-page.txt", Page());
        await archive.ImportAsync(page);
        var idsBefore = await CommentIdsAsync(archive);
        var export = archive.WritePage("export.xml", Export());

        var summary = await archive.ImportAsync(export);

        Assert.Equal((0, 1), (summary.PostsNew, summary.PostsUpdated));
        await AssertMergedAsync(archive);
        // Matched comments keep their ids, so their addresses (#c{id}) still land.
        Assert.Equal(idsBefore.Take(2), (await CommentIdsAsync(archive)).Take(2));
    }

    [Fact]
    public async Task Import_ExportThenSavedPage_IsTheSameOnePost()
    {
        await using var archive = await TestArchive.CreateAsync();
        var export = archive.WritePage("export.xml", Export());
        await archive.ImportAsync(export);
        var page = archive.WritePage("a-page.txt", Page());

        var summary = await archive.ImportAsync(page);

        Assert.Equal((0, 1), (summary.PostsNew, summary.PostsUpdated));
        await AssertMergedAsync(archive);
    }

    [Fact]
    public async Task Import_SavedPageAgainAfterTheExport_ChangesNothing()
    {
        await using var archive = await TestArchive.CreateAsync();
        var page = archive.WritePage("a-page.txt", Page());
        var export = archive.WritePage("export.xml", Export());
        await archive.ImportAsync(page, export);
        var before = await ArchiveSnapshot.TakeAsync(archive);
        File.Copy(page, Path.Combine(archive.Folder, "same-page-again.txt"));

        var again = await archive.ImportAsync(Path.Combine(archive.Folder, "same-page-again.txt"));

        Assert.Equal(1, again.PostsUnchanged);
        var after = await ArchiveSnapshot.TakeAsync(archive);
        Assert.Equal(before.Posts, after.Posts);
        Assert.Equal(before.Comments, after.Comments);
    }

    private static async Task AssertMergedAsync(TestArchive archive)
    {
        await using var db = archive.OpenContext();
        var ct = TestContext.Current.CancellationToken;
        var post = await db.Posts.Include(p => p.Labels).Include(p => p.Sources).SingleAsync(ct);
        Assert.Equal(($"{Blog}.100", "<p>Body as the export has it.</p>", "2019/06/a-post"), (post.BloggerId, post.Body, post.Permalink));
        Assert.Equal("Napo", Assert.Single(post.Labels).Name);
        Assert.Equal(2, post.Sources.Count);
        var comments = await db.Comments.OrderBy(c => c.Position).ToListAsync(ct);
        Assert.Equal(
            [("First comment.", "Anonymous"), ("Second comment.", "Named Person"), ("A third the page lacked.", "Anonymous"), ("Only the page kept this one.", null)],
            comments.Select(c => (c.SearchText ?? c.Text, c.AuthorName)));
        Assert.Equal(["1", "2", "3", "4"], comments.Select(c => c.ThreadPath));
        Assert.Equal("<b>Second</b> comment.", comments[1].Text);
    }

    private static async Task<List<int>> CommentIdsAsync(TestArchive archive)
    {
        await using var db = archive.OpenContext();
        return await db.Comments.OrderBy(c => c.Position).Select(c => c.Id).ToListAsync(TestContext.Current.CancellationToken);
    }
}
