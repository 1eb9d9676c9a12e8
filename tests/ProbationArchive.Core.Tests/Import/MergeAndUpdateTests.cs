using Microsoft.EntityFrameworkCore;
using ProbationArchive.Core.Tests.Support;

namespace ProbationArchive.Core.Tests.Import;

public sealed class MergeAndUpdateTests
{
    private const string Date = "Tuesday, 11 June 2019";
    private const string Title = "Merged Post";
    private const string Body = "The body as the blog showed it.";

    [Fact]
    public async Task Import_PostOnTwoLabelPagesAndItsOwnPage_IsOnePostWithAllLabelsAndItsComments()
    {
        await using var archive = await TestArchive.CreateAsync();
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
    public async Task Import_LabelPageAfterOwnPage_KeepsTheOwnPageBody()
    {
        await using var archive = await TestArchive.CreateAsync();
        var own = archive.WritePage("own.txt", Pages.Post(Date, Title, Body, "A comment."));
        var label = archive.WritePage("label.txt", Pages.LabelPage("Napo", (Date, Title, "A shortened excerpt...")));

        await archive.ImportAsync(own, label);

        await using var db = archive.OpenContext();
        var post = await db.Posts.SingleAsync(TestContext.Current.CancellationToken);
        Assert.Equal(Body, post.Body);
    }

    [Fact]
    public async Task Import_ChangedFile_UpdatesPostAndCommentsInPlace()
    {
        await using var archive = await TestArchive.CreateAsync();
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

    [Fact]
    public async Task Import_ChangedTitle_UpdatesTheSamePostRatherThanAddingOne()
    {
        await using var archive = await TestArchive.CreateAsync();
        var page = archive.WritePage("post.txt", Pages.Post(Date, Title, Body, "A comment."));
        await archive.ImportAsync(page);

        File.WriteAllText(page, Pages.Post(Date, "A Corrected Title", Body, "A comment."));
        await archive.ImportAsync(page);

        await using var db = archive.OpenContext();
        var post = await db.Posts.SingleAsync(TestContext.Current.CancellationToken);
        Assert.Equal("A Corrected Title", post.Title);
        Assert.Equal("2019/06/a-corrected-title", post.Permalink);
        Assert.Equal(1, await db.Comments.CountAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Import_LabelPageNoLongerHoldingAPost_RemovesOnlyThatLabel()
    {
        await using var archive = await TestArchive.CreateAsync();
        var other = ("Monday, 10 June 2019", "Other Post", "Other body.");
        var label = archive.WritePage("label.txt", Pages.LabelPage("Napo", (Date, Title, Body), other));
        await archive.ImportAsync(label);

        File.WriteAllText(label, Pages.LabelPage("Napo", other));
        await archive.ImportAsync(label);

        await using var db = archive.OpenContext();
        var labels = await db.Posts.OrderBy(p => p.Title)
            .Select(p => new { p.Title, Labels = p.Labels.Select(l => l.Name).ToList() })
            .ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal(2, labels.Count);
        Assert.Empty(labels.Single(p => p.Title == Title).Labels);
        Assert.Equal(["Napo"], labels.Single(p => p.Title == "Other Post").Labels);
    }

    [Fact]
    public async Task Import_TwoPostsWithTheSameTitleInOneMonth_GetDistinctAddresses()
    {
        await using var archive = await TestArchive.CreateAsync();
        var first = archive.WritePage("1.txt", Pages.Post("Monday, 3 June 2019", "Pick of the Week", "One."));
        var second = archive.WritePage("2.txt", Pages.Post("Monday, 10 June 2019", "Pick of the Week", "Two."));

        await archive.ImportAsync(first, second);

        await using var db = archive.OpenContext();
        var permalinks = await db.Posts.OrderBy(p => p.PublishedOn).Select(p => p.Permalink).ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal(["2019/06/pick-of-the-week", "2019/06/pick-of-the-week-2"], permalinks);
    }
}
