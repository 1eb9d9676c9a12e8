using ProbationArchive.Core.Parsing;
using ProbationArchive.Core.Tests.Support;

namespace ProbationArchive.Core.Tests.Parsing;

/// <summary>What the seed corpus is known to hold (FORMAT.md), checked against the parser directly.</summary>
public sealed class SeedFactsTests
{
    private static ParsedPage ParseSeed(string path) => BlogPageParser.Parse(Seeds.Read(path));

    private static IEnumerable<ParsedComment> WithReplies(IEnumerable<ParsedComment> comments) =>
        comments.SelectMany(c => WithReplies(c.Replies).Prepend(c));

    [Fact]
    public void Parse_AllSeeds_GivesTheCorpusFigures()
    {
        var posts = Seeds.All.Select(ParseSeed).SelectMany(p => p.Posts).ToList();

        Assert.Equal(10, posts.Count);
        Assert.Equal(9, posts.Count(p => p.Date is not null));
        Assert.Equal(109, posts.Sum(p => p.CommentCount));
        Assert.Equal(51, posts.Sum(p => p.Comments.Count));
        Assert.Equal(58, posts.Sum(p => p.CommentCount - p.Comments.Count));
    }

    [Fact]
    public void Parse_AllSeeds_ReportNoDiagnostics()
    {
        Assert.All(Seeds.All, seed => Assert.Empty(ParseSeed(seed).Diagnostics));
    }

    [Theory]
    [InlineData("000_c027f2ffa44b5895.txt", 14)]
    [InlineData("001_ecdb575820ffe45e.txt", 17)]
    [InlineData("002_63f4a4d53922dc7d.txt", 34)]
    public void Parse_PostPage_CommentCountEqualsDeclaredCount(string seed, int declared)
    {
        var post = Assert.Single(ParseSeed(Path.Combine(Seeds.Folder, seed)).Posts);

        Assert.Equal(declared, post.DeclaredCommentCount);
        Assert.Equal(declared, post.CommentCount);
    }

    [Fact]
    public void Parse_LabelPage_HoldsSixPostsLabelledPO()
    {
        var page = ParseSeed(Seeds.LabelPage);

        Assert.Equal(PageKind.LabelPage, page.Kind);
        Assert.Equal("PO", page.Label);
        Assert.Equal(
            ["Report Highlights Structural Failings", "Reviews", "Probation as a Job", "Napo at Work in the South West 17", "A Desperate Plea", "Pick of the Week 9"],
            page.Posts.Select(p => p.Title));
        Assert.All(page.Posts, p => Assert.Empty(p.Comments));
    }

    [Fact]
    public void Parse_FirstThreadOf2018Post_HasThreeRepliesInPageOrder()
    {
        var thread = ParseSeed(Seeds.PostPage2018).Posts[0].Comments[0];

        Assert.StartsWith("\"but heard last week", thread.Text, StringComparison.Ordinal);
        Assert.Collection(thread.Replies,
            r => Assert.StartsWith("once the idiots who perpetrated TR", r.Text, StringComparison.Ordinal),
            r => Assert.StartsWith("IL also says", r.Text, StringComparison.Ordinal),
            r => Assert.Equal("Napo only do for napo", r.Text));
    }

    [Fact]
    public void Parse_FlattenedPage_AnnexationCommentIsAReply()
    {
        var post = ParseSeed(Seeds.FlattenedPage).Posts[0];

        var reply = Assert.Single(WithReplies(post.Comments), c => c.Text.StartsWith("The annexation of London upw was the press night", StringComparison.Ordinal));
        Assert.DoesNotContain(reply, post.Comments);
        Assert.Equal(18, post.Comments.Count);
        Assert.Equal(26, post.CommentCount - post.Comments.Count);
    }

    [Fact]
    public void Parse_ReplyQuotingAnOldPostDate_StaysAReplyNotANewPost()
    {
        var page = ParseSeed(Seeds.PostPage2019);

        var post = Assert.Single(page.Posts);
        var thread = post.Comments[6];
        Assert.StartsWith("This Blog, Monday, 18 June 2018", thread.Replies[2].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_UndatedFlattenedPost_IsKeptWithADerivedTitle()
    {
        var post = Assert.Single(ParseSeed(Seeds.FlattenedPage).Posts);

        Assert.Null(post.Date);
        Assert.True(post.TitleIsDerived);
        Assert.Equal("Here we have highlights from the latest Napo mailout to members on Friday", post.Title);
        Assert.StartsWith("Here we have highlights", post.Body, StringComparison.Ordinal);
        // The boundary rule: the last line before the first marker is the first comment, not body.
        Assert.EndsWith("More comms to follow.", post.Body, StringComparison.Ordinal);
        Assert.StartsWith("If they had fought the pay offer properly", post.Comments[0].Text, StringComparison.Ordinal);
    }
}
