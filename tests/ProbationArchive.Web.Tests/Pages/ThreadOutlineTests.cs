using AngleSharp.Dom;
using ProbationArchive.Web.Tests.Support;

namespace ProbationArchive.Web.Tests.Pages;

/// <summary>Issue 15: the outline of a long discussion, and its folded view, both without script.</summary>
public sealed class ThreadOutlineTests(LongDiscussionFactory factory) : IClassFixture<LongDiscussionFactory>
{
    private const string Post = LongDiscussionFactory.PostPath;

    [Theory]
    [InlineData(Post)]
    [InlineData(Post + "?page=3")]
    [InlineData(Post + "?page=all")]
    public async Task TheOutline_IsANavWithAHeading_ListingEveryThreadsNumberFirstWordsAndReplies(string url)
    {
        var page = await factory.CreateReader().GetDocumentAsync(url);

        var outline = page.One("#comments nav.thread-outline");
        var heading = page.GetElementById(outline.GetAttribute("aria-labelledby")!);
        Assert.Equal("Thread outline", heading?.Text());
        Assert.True(heading is not null && outline.Contains(heading));
        var entries = outline.QuerySelectorAll("li");
        Assert.Equal(LongDiscussionFactory.Threads, entries.Length);
        for (var t = 1; t <= LongDiscussionFactory.Threads; t++)
        {
            var entry = entries[t - 1];
            Assert.StartsWith($"{t}. Thread {t} opens with these words", entry.One("a").Text(), StringComparison.Ordinal);
            Assert.True(entry.One("a").Text().Length < 70, entry.One("a").Text());
            var replies = LongDiscussionFactory.RepliesOf(t) + (t == LongDiscussionFactory.NestedThread ? 1 : 0);
            var count = replies == 0 ? "No replies" : replies == 1 ? "1 reply" : $"{replies} replies";
            Assert.EndsWith(count, entry.Text(), StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(Post)]
    [InlineData(Post + "?page=3")]
    [InlineData(Post + "?page=all")]
    [InlineData(Post + "?page=2&replies=hidden")]
    public async Task EveryOutlineLink_LandsOnItsThread_OnThisPageOrTheOneThatHoldsIt(string url)
    {
        var client = factory.CreateReader();
        var page = await client.GetDocumentAsync(url);

        var entries = page.QuerySelectorAll("nav.thread-outline li > a");
        var pages = new Dictionary<string, IDocument>();
        for (var t = 1; t <= entries.Length; t++)
        {
            var target = new Uri(new Uri("http://localhost" + url), entries[t - 1].GetAttribute("href"));
            var here = target.PathAndQuery == new Uri("http://localhost" + url).PathAndQuery;
            // A thread on this page is a fragment of it; one elsewhere names the page, keeping this view's fold.
            Assert.Equal(here, entries[t - 1].GetAttribute("href")!.StartsWith('#'));
            Assert.True(here || url.Contains("replies=hidden", StringComparison.Ordinal) == target.Query.Contains("replies=hidden", StringComparison.Ordinal), target.ToString());
            if (!pages.TryGetValue(target.PathAndQuery, out var holder))
            {
                holder = here ? page : await client.GetDocumentAsync(target.PathAndQuery);
                pages[target.PathAndQuery] = holder;
            }

            var comment = holder.GetElementById(target.Fragment.TrimStart('#'));
            Assert.NotNull(comment);
            Assert.Equal($"Comment {t}", comment.One(":scope > header [rel=bookmark]").Text());
        }
    }

    [Fact]
    public async Task TheFoldedView_ClosesEveryThreadsReplies_KeepsEveryTopLevelComment_AndLinksBack()
    {
        var client = factory.CreateReader();
        var open = await client.GetDocumentAsync(Post + "?page=3");
        var folded = await client.GetDocumentAsync(Post + "?page=3&replies=hidden");

        var openFolds = open.QuerySelectorAll("#comments .threads > li > details");
        var closedFolds = folded.QuerySelectorAll("#comments .threads > li > details");
        Assert.NotEmpty(openFolds);
        Assert.All(openFolds, d => Assert.True(d.HasAttribute("open")));
        Assert.Equal(openFolds.Length, closedFolds.Length);
        Assert.All(closedFolds, d => Assert.False(d.HasAttribute("open")));
        // Folded, not removed: the same comments, each thread's top-level comment outside its fold.
        Assert.Equal(Ids(open, "#comments .threads article"), Ids(folded, "#comments .threads article"));
        Assert.Equal(Ids(open, "#comments .threads > li > article"), Ids(folded, "#comments .threads > li > article"));

        Assert.Equal("?page=3&replies=hidden", open.One(".comment-views a", "Hide all replies").GetAttribute("href"));
        Assert.Equal("?page=3", folded.One(".comment-views a", "Show all replies").GetAttribute("href"));
        Assert.Equal("?page=4&replies=hidden", folded.One(".comment-views a[rel=next]").GetAttribute("href"));
        Assert.EndsWith(Post + "?page=3&replies=hidden", folded.One("link[rel=canonical]").GetAttribute("href"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheFoldedFirstPage_HasItsOwnAddress_AndTheWholeDiscussionFolds()
    {
        var client = factory.CreateReader();
        var first = await client.GetDocumentAsync(Post);
        var whole = await client.GetDocumentAsync(Post + "?page=all&replies=hidden");

        Assert.Equal("?replies=hidden", first.One(".comment-views a", "Hide all replies").GetAttribute("href"));
        Assert.Equal(LongDiscussionFactory.Threads, whole.QuerySelectorAll("#comments .threads > li").Length);
        Assert.All(whole.QuerySelectorAll("#comments details"), d => Assert.False(d.HasAttribute("open")));
        Assert.Equal("?page=all", whole.One(".comment-views a", "Show all replies").GetAttribute("href"));
    }

    private static string[] Ids(IDocument page, string selector) => [.. page.QuerySelectorAll(selector).Select(e => e.Id!)];
}
