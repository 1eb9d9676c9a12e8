using Microsoft.EntityFrameworkCore;
using PostKind = ProbationArchive.Core.Archive.PostKind;
using ProbationArchive.Core.Tests.Support;
using static ProbationArchive.Core.Tests.Support.Exports;

namespace ProbationArchive.Core.Tests.Import.Blogger;

/// <summary>The rules of docs/import.md for Blogger's exports, each on a small hand-made export, in both formats where they differ.</summary>
public sealed class BloggerExportRulesTests
{
    public static TheoryData<string> Formats => ["classic", "takeout"];

    private static string Export(string format, IEnumerable<Post> posts, IEnumerable<Comment> comments) =>
        format == "classic" ? Classic(posts, comments) : Takeout(posts, comments);

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task Import_ReplyBeforeItsParentInTheFile_StillGetsItsParent(string format)
    {
        await using var archive = await TestArchive.CreateAsync();
        var export = archive.WritePage("export.xml", Export(format,
            [new Post("100", "A Post", "<p>Body.</p>", "2019-06-11T10:00:00.000+01:00", "/2019/06/a-post.html")],
            [
                new Comment("202", "100", "The reply.", "2019-06-11T12:00:00.000+01:00", Parent: "201"),
                new Comment("201", "100", "The parent.", "2019-06-11T11:00:00.000+01:00", "Named Person", AuthorUri: "http://www.blogger.com/profile/7"),
            ]));

        var summary = await archive.ImportAsync(export);

        Assert.True(summary.Succeeded, string.Join("\n", summary.Failures.SelectMany(f => f.Messages)));
        await using var db = archive.OpenContext();
        var comments = await db.Comments.OrderBy(c => c.Position).ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal([("The parent.", (int?)null, "1"), ("The reply.", comments[0].Id, "1.1")], comments.Select(c => (c.SearchText, c.ParentId, c.ThreadPath)));
        Assert.Equal(("Named Person", "http://www.blogger.com/profile/7"), (comments[0].AuthorName, comments[0].AuthorUri));
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task Import_ReplyWhoseParentIsMissing_IsKeptAsTopLevelWithAWarning(string format)
    {
        await using var archive = await TestArchive.CreateAsync();
        var export = archive.WritePage("export.xml", Export(format,
            [new Post("100", "A Post", "Body.", "2019-06-11T10:00:00.000Z", "/2019/06/a-post.html")],
            [new Comment("202", "100", "An orphaned reply.", "2019-06-11T12:00:00.000Z", Parent: "999")]));

        var summary = await archive.ImportAsync(export);

        Assert.Equal(1, summary.Warnings);
        await using var db = archive.OpenContext();
        var comment = await db.Comments.SingleAsync(TestContext.Current.CancellationToken);
        Assert.Null(comment.ParentId);
        var warning = await db.ImportDiagnostics.SingleAsync(TestContext.Current.CancellationToken);
        Assert.Equal("reply-without-parent", warning.Code);
        Assert.True(warning.Line > 1, "the warning names the reply's own line");
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task Import_DraftWithoutAnAddress_IsStoredAsADraftThatTheReadingQueriesNeverSee(string format)
    {
        await using var archive = await TestArchive.CreateAsync();
        var export = archive.WritePage("export.xml", Export(format,
            [new Post("100", "Published", "Out.", "2019-06-11T10:00:00.000Z", "/2019/06/published.html"), new Post("101", "Unfinished", "Draft text.", "2019-06-12T10:00:00.000Z", null, Draft: true)],
            []));

        var summary = await archive.ImportAsync(export);

        Assert.True(summary.Succeeded);
        Assert.Equal(1, summary.Export.Drafts);
        await using var db = archive.OpenContext();
        var ct = TestContext.Current.CancellationToken;
        var draft = await db.Posts.IgnoreQueryFilters().SingleAsync(p => p.IsDraft, ct);
        Assert.Equal(("Unfinished", $"drafts/{Blog}-101"), (draft.Title, draft.Permalink));
        Assert.Equal(["Published"], await db.Posts.Select(p => p.Title).ToListAsync(ct));
        Assert.Equal(0L, await db.Database.SqlQueryRaw<long>("SELECT count(*) AS Value FROM SearchEntries WHERE SearchEntries MATCH 'draft'").SingleAsync(ct));
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task Import_PostLateInTheEveningWestOfGreenwich_BelongsToItsOwnLocalDate(string format)
    {
        await using var archive = await TestArchive.CreateAsync();
        var export = archive.WritePage("export.xml", Export(format,
            [new Post("100", "Month End", "Body.", "2011-01-31T23:30:00.000-08:00", "/2011/01/month-end.html")], []));

        await archive.ImportAsync(export);

        await using var db = archive.OpenContext();
        var post = await db.Posts.SingleAsync(TestContext.Current.CancellationToken);
        Assert.Equal((new DateOnly(2011, 1, 31), "2011/01/month-end"), (post.PublishedOn, post.Permalink));
        Assert.Equal(new DateTimeOffset(2011, 1, 31, 23, 30, 0, TimeSpan.FromHours(-8)), post.PublishedAt);
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task Import_Page_IsAPageAtItsOwnAddressWithItsComments(string format)
    {
        await using var archive = await TestArchive.CreateAsync();
        var export = archive.WritePage("export.xml", Export(format,
            [new Post("300", "About", "About us.", "2019-01-01T00:00:00.000Z", "/p/about.html", Page: true)],
            [new Comment("301", "300", "Nice page.", "2019-01-02T00:00:00.000Z")]));

        await archive.ImportAsync(export);

        await using var db = archive.OpenContext();
        var ct = TestContext.Current.CancellationToken;
        Assert.Empty(await db.Posts.ToListAsync(ct));
        var page = await db.Posts.IgnoreQueryFilters().Include(p => p.Comments).SingleAsync(ct);
        Assert.Equal((PostKind.Page, "p/about", "Nice page."), (page.Kind, page.Permalink, Assert.Single(page.Comments).SearchText));
    }

    [Fact]
    public async Task Import_LabelsKeepTheirNamesAndMergeWithAStoredLabelOfTheSameName()
    {
        await using var archive = await TestArchive.CreateAsync();
        var label = archive.WritePage("label.txt", Pages.LabelPage("PO", ("Tuesday, 11 June 2019", "Another Post", "Body.")));
        await archive.ImportAsync(label);
        var export = archive.WritePage("export.xml", Classic(
            [new Post("100", "A Post", "Body.", "2019-06-11T10:00:00.000Z", "/2019/06/a-post.html", false, false, "po", "Probation & Pay")], []));

        await archive.ImportAsync(export);

        await using var db = archive.OpenContext();
        var labels = await db.Labels.OrderBy(l => l.Name).Select(l => new { l.Name, Posts = l.Posts.Count }).ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal([("PO", 2), ("Probation & Pay", 1)], labels.Select(l => (l.Name, l.Posts)));
    }
}
