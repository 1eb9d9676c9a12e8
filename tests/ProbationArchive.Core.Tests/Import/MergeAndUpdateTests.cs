using Microsoft.EntityFrameworkCore;
using ProbationArchive.Core.Data;
using ProbationArchive.Core.Tests.Support;

namespace ProbationArchive.Core.Tests.Import;

/// <summary>
/// The planner and the writer together, through the importer: a post seen on several pages is one
/// post, and a changed file is merged in place. Each rule is checked on its own in ImportPlannerTests.
/// </summary>
public class MergeAndUpdateTests
{
    /// <summary>The store the tests run on; PostgreSQL's subclass (PostgreSql/) runs them again there.</summary>
    protected virtual ArchiveProvider Provider => ArchiveProvider.Sqlite;

    private const string Date = "Tuesday, 11 June 2019";
    private const string Title = "Merged Post";
    private const string Body = "The body as the blog showed it.";

    [Fact]
    public async Task Import_PostOnTwoLabelPagesAndItsOwnPage_IsOnePostWithAllLabelsAndItsComments()
    {
        await using var archive = await TestArchive.CreateAsync(Provider);
        var napo = archive.WritePage("a-label-napo.txt", Pages.LabelPage("Napo", (Date, Title, Body)));
        var own = archive.WritePage("b-own.txt", Pages.Post(Date, Title, Body, "First comment.", "Second comment."));
        var pay = archive.WritePage("c-label-pay.txt", Pages.LabelPage("Pay", (Date, Title, Body)));

        var summary = await archive.ImportAsync(napo, own, pay);

        Assert.True(summary.Succeeded);
        await using var db = archive.OpenContext();
        var post = await db.Posts.Include(p => p.Labels).Include(p => p.Comments).Include(p => p.Sources)
            .SingleAsync(TestContext.Current.CancellationToken);
        Assert.Equal(["Napo", "Pay"], post.Labels.Select(l => l.Name).Order());
        Assert.Equal(["First comment.", "Second comment."], post.Comments.OrderBy(c => c.Position).Select(c => c.Text));
        Assert.Equal(3, post.Sources.Count);
    }

    [Fact]
    public async Task Import_ChangedFile_UpdatesPostAndCommentsInPlace()
    {
        await using var archive = await TestArchive.CreateAsync(Provider);
        var page = archive.WritePage("post.txt", Pages.Post(Date, Title, Body, "Kept as it was.", "Will be edited."));
        await archive.ImportAsync(page);
        var before = await ArchiveSnapshot.TakeAsync(archive);

        File.WriteAllText(page, Pages.Post(Date, Title, "An edited body.", "Kept as it was.", "Edited text.", "A new comment."));
        var summary = await archive.ImportAsync(page);

        Assert.Equal((0, 1), (summary.PostsNew, summary.PostsUpdated));
        await using var db = archive.OpenContext();
        var ct = TestContext.Current.CancellationToken;
        var post = await db.Posts.SingleAsync(ct);
        Assert.Equal("An edited body.", post.Body);
        var comments = await db.Comments.OrderBy(c => c.Position).ToListAsync(ct);
        Assert.Equal(["Kept as it was.", "Edited text.", "A new comment."], comments.Select(c => c.Text));
        var idsBefore = before.Comments.Select(c => c.Split('|')[0]).ToList();
        Assert.Equal(idsBefore, comments.Take(2).Select(c => c.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(before.Posts[0].Split('|')[0], post.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}
