using ProbationArchive.Core.Archive;
using ProbationArchive.Core.Import.Planning;
using ProbationArchive.Core.Tests.Support;
using static ProbationArchive.Core.Tests.Import.Planning.PlannerInput;

namespace ProbationArchive.Core.Tests.Import.Planning;

/// <summary>The merge rules of docs/import.md, each checked on the planner alone: a page and what the store holds in, a plan out.</summary>
public sealed class ImportPlannerTests
{
    [Fact]
    public void Plan_PageOfANewPost_InsertsThePostItsThreadAndTheFile()
    {
        var page = Page(Pages.Post(Date, Title, Body, "First comment.", "Second comment."));

        var plan = Plan(page);

        Assert.Null(plan.File.Id);
        Assert.Equal((ImportOutcome.Imported, "/pages/page.txt"), (plan.File.Outcome, plan.File.Path));
        var post = Assert.Single(plan.Content.Posts);
        Assert.Equal((null, PostChange.New), (post.Id, post.Change));
        Assert.Equal(("2019-06-11|merged post", "2019/06/merged-post", Body, 2), (post.Row!.IdentityKey, post.Row.Permalink, post.Row.Body, post.Row.DeclaredCommentCount));
        Assert.Equal(["1", "2"], post.Thread!.Comments.Select(c => c.ThreadPath));
        Assert.All(post.Thread.Comments, c => Assert.Null(c.StoredId));
        Assert.True(plan.OnlyAdds);
    }

    [Fact]
    public void Plan_Replies_ComeAfterTheirParentAndNameItsIndex()
    {
        var page = Page($"{Date}\n\n{Title}\n\n{Body}\n\n3 comments:\n\n  1. Parent.\n\n    ReplyDelete\n    Replies\n    1. A reply.\n\n      Delete\n    2. Another.\n\n      Delete\n");

        var thread = Plan(page).Content.Posts[0].Thread!;

        Assert.Equal([("1", -1, 0), ("1.1", 0, 1), ("1.2", 0, 2)], thread.Comments.Select(c => (c.ThreadPath, c.ParentIndex, c.Position)));
    }

    [Fact]
    public void Plan_PostAlreadyStoredAsItIs_IsUnchangedAndWritesNothingOfIt()
    {
        var page = Page(Pages.Post(Date, Title, Body, "A comment."));
        var stored = Holding(Stored(7, page)) with { Threads = new Dictionary<int, IReadOnlyList<StoredComment>> { [7] = Thread(70, "A comment.") } };

        var post = Assert.Single(Plan(page, stored).Content.Posts);

        Assert.Equal((7, PostChange.Unchanged), (post.Id, post.Change));
        Assert.Null(post.Row);
        Assert.Null(post.Thread);
        Assert.False(post.Link.IsStored);
    }

    [Fact]
    public void Plan_LabelPageAfterTheOwnPage_AddsTheLabelButKeepsTheOwnPageBody()
    {
        var own = Page(Pages.Post(Date, Title, Body, "A comment."));
        var label = Page(Pages.LabelPage("Napo", (Date, Title, "A shortened excerpt...")));

        var plan = Plan(label, Holding(Stored(7, own, ownPageElsewhere: true)));

        var post = Assert.Single(plan.Content.Posts);
        Assert.Equal((7, PostChange.Updated), (post.Id, post.Change));
        Assert.Equal([0], post.AddLabels);
        Assert.Null(post.Row);
        Assert.Null(post.Thread);
        Assert.Equal(new LabelRow(null, "Napo"), Assert.Single(plan.Content.Labels));
    }

    [Fact]
    public void Plan_LabelPageForAPostOnlyLabelPagesHold_WritesItsCopy()
    {
        var first = Page(Pages.LabelPage("Pay", (Date, Title, "First copy.")));
        var second = Page(Pages.LabelPage("Napo", (Date, Title, "Edited on another label page.")));

        var post = Assert.Single(Plan(second, Holding(Stored(7, first))).Content.Posts);

        Assert.Equal("Edited on another label page.", post.Row!.Body);
        Assert.Null(post.Row.DeclaredCommentCount);
        Assert.Null(post.Thread);
        Assert.False(post.OnlyAdds);
    }

    [Fact]
    public void Plan_StoredLabelOfAnotherCase_IsReusedUnderItsStoredName()
    {
        var page = Page(Pages.LabelPage("pay", (Date, Title, Body)));

        var plan = Plan(page, StoredPage.Nothing with { Labels = [new StoredLabel(3, "Pay")] });

        Assert.Equal(new LabelRow(3, "Pay"), Assert.Single(plan.Content.Labels));
        Assert.Equal([0], Assert.Single(plan.Content.Posts).AddLabels);
    }

    [Fact]
    public void Plan_OwnPageWithEditedComments_KeepsMatchedIdsRewritesChangesAndRemovesWhatIsGone()
    {
        var before = Page(Pages.Post(Date, Title, Body, "Kept as it was.", "Will be edited.", "Will go."));
        var after = Page(Pages.Post(Date, Title, "An edited body.", "Kept as it was.", "Edited text."));
        var stored = Holding(Stored(7, before)) with
        {
            Threads = new Dictionary<int, IReadOnlyList<StoredComment>> { [7] = Thread(70, "Kept as it was.", "Will be edited.", "Will go.") },
        };

        var post = Assert.Single(Plan(after, stored).Content.Posts);

        Assert.Equal((PostChange.Updated, "An edited body.", 2), (post.Change, post.Row!.Body, post.Row.DeclaredCommentCount));
        Assert.Equal([(70, false, "Kept as it was."), (71, true, "Edited text.")], post.Thread!.Comments.Select(c => (c.StoredId!.Value, c.Changed, c.Text)));
        Assert.Equal([72], post.Thread.Removed);
    }

    [Fact]
    public void Plan_RemovedThread_TakesRepliesBeforeTheirParents()
    {
        var stored = new[] { new StoredComment(1, null, 0, "1", "Parent.", 9), new StoredComment(2, 1, 1, "1.1", "Reply.", 12), new StoredComment(3, 2, 2, "1.1.1", "Deeper.", 15) };

        var plan = ThreadPlanner.Plan(stored, []);

        Assert.Equal([3, 2, 1], plan.Removed);
    }

    [Fact]
    public void Plan_ChangedFileWithACorrectedTitle_UpdatesThePostAtTheSamePlaceAndItsAddress()
    {
        var before = Page(Pages.Post(Date, Title, Body, "A comment."));
        var after = Page(Pages.Post(Date, "A Corrected Title", Body, "A comment."));
        var stored = Holding(Stored(7, before)) with
        {
            File = new StoredSourceFile(5, null, [new StoredLink(7, 0, false)]),
            Threads = new Dictionary<int, IReadOnlyList<StoredComment>> { [7] = Thread(70, "A comment.") },
        };

        var plan = Plan(after, stored);

        Assert.Equal(5, plan.File.Id);
        var post = Assert.Single(plan.Content.Posts);
        Assert.Equal((7, "A Corrected Title", "2019/06/a-corrected-title"), (post.Id, post.Row!.Title, post.Row.Permalink));
        Assert.Equal("2019-06-11|a corrected title", post.Row.IdentityKey);
        Assert.True(post.Link.IsStored);
        Assert.Empty(plan.Removals);
    }

    [Fact]
    public void Plan_TitleChangedOnlyInCase_KeepsTheAddressItHolds()
    {
        var before = Page(Pages.Post(Date, Title, Body));
        var after = Page(Pages.Post(Date, "MERGED post", Body));

        var post = Assert.Single(Plan(after, Holding(Stored(7, before))).Content.Posts);

        Assert.Equal(("MERGED post", "2019/06/merged-post"), (post.Row!.Title, post.Row.Permalink));
    }

    [Fact]
    public void Plan_LabelPageNoLongerHoldingAPost_TakesBackOnlyTheLabelItGave()
    {
        var other = ("Monday, 10 June 2019", "Other Post", "Other body.");
        var label = Page(Pages.LabelPage("Napo", other));
        var otherPost = Stored(8, Page(Pages.LabelPage("Napo", other)), labelId: 3);
        var stored = Holding(otherPost) with
        {
            File = new StoredSourceFile(5, 3, [new StoredLink(7, 0, LabelledElsewhere: false), new StoredLink(8, 1, false), new StoredLink(9, 2, LabelledElsewhere: true)]),
            Labels = [new StoredLabel(3, "Napo")],
        };

        var plan = Plan(label, stored);

        Assert.Equal([new LinkRemoval(7, 3), new LinkRemoval(9, null)], plan.Removals);
        Assert.Equal(8, plan.Content.Posts[0].Id);
        Assert.Empty(plan.Content.Posts[0].AddLabels);
    }

    [Fact]
    public void Plan_TwoNewPostsWantingOneAddress_GetDistinctAddresses()
    {
        var page = Page(Pages.LabelPage("Pay", ("Monday, 3 June 2019", "Pick of the Week", "One."), ("Monday, 10 June 2019", "Pick of the Week", "Two.")));

        var plan = Plan(page);

        Assert.Equal(["2019/06/pick-of-the-week", "2019/06/pick-of-the-week-2"], plan.Content.Posts.Select(p => p.Row!.Permalink));
    }

    [Fact]
    public void Plan_AddressHeldByAnotherStoredPost_TakesTheNextFreeSuffix()
    {
        var page = Page(Pages.Post("Monday, 10 June 2019", "Pick of the Week", "Two."));
        var stored = StoredPage.Nothing with { TakenPermalinks = new Dictionary<string, int> { ["2019/06/pick-of-the-week"] = 1, ["2019/06/pick-of-the-week-2"] = 2 } };

        Assert.Equal("2019/06/pick-of-the-week-3", Assert.Single(Plan(page, stored).Content.Posts).Row!.Permalink);
    }

    [Fact]
    public void Plan_PostNamedTwiceOnAPage_IsOnePostAsItsLastMentionHasIt()
    {
        var page = Page(Pages.LabelPage("Pay", (Date, Title, "First mention."), ("Monday, 10 June 2019", "Other", "Other."), (Date, Title, "Last mention.")));

        var plan = Plan(page);

        Assert.Equal([(Title, 2, "Last mention."), ("Other", 1, "Other.")], plan.Content.Posts.Select(p => (p.Row!.Title, p.Link.Position, p.Row.Body)));
    }

    [Fact]
    public void Plan_PageWithWarnings_IsImportedWithWarningsAndKeepsThem()
    {
        var page = Page(Pages.Post(Date, Title, Body, "Only one.").Replace("1 comment:", "3 comments:", StringComparison.Ordinal));

        var plan = Plan(page);

        Assert.Equal(ImportOutcome.ImportedWithWarnings, plan.File.Outcome);
        Assert.Equal(("count-mismatch", 7), (Assert.Single(plan.Warnings).Code, plan.Warnings[0].Line));
    }
}
