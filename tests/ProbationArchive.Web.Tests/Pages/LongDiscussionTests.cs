using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using ProbationArchive.Web.Reading;
using ProbationArchive.Web.Tests.Support;

namespace ProbationArchive.Web.Tests.Pages;

/// <summary>Issue 15: a long discussion in pages of whole threads, every comment on exactly one of them, and all of it on one page.</summary>
public sealed class LongDiscussionTests(LongDiscussionFactory factory) : IClassFixture<LongDiscussionFactory>
{
    private const string Post = LongDiscussionFactory.PostPath;

    [Fact]
    public async Task ThePages_ShowEveryCommentOnce_InPageOrder_InWholeThreadsOfAtMostAPage()
    {
        var client = factory.CreateReader();
        var stored = await StoredCommentIdsAsync();
        var first = await client.GetDocumentAsync(Post);
        var pageCount = PageLinks(first).Count + 1;

        var shown = new List<string>();
        for (var number = 1; number <= pageCount; number++)
        {
            var page = await client.GetDocumentAsync(number == 1 ? Post : $"{Post}?page={number}");
            var threads = page.QuerySelectorAll("#comments .threads > li");
            var comments = page.QuerySelectorAll("#comments .threads article");
            Assert.True(comments.Length <= CommentPages.CommentsPerPage || threads.Length == 1, $"page {number}: {comments.Length} comments in {threads.Length} threads");
            shown.AddRange(comments.Select(c => c.Id!));
        }

        Assert.True(pageCount >= 3, $"{pageCount} pages");
        Assert.Equal(stored, shown);
        await client.GetDocumentAsync($"{Post}?page={pageCount + 1}", System.Net.HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task TheHugeThread_HasAPageOfItsOwn()
    {
        var page = await factory.CreateReader().GetDocumentAsync(Post + "?page=2");

        var thread = page.One("#comments .threads > li");
        Assert.Equal($"Comment {LongDiscussionFactory.HugeThread}", thread.One(":scope > article [rel=bookmark]").Text());
        Assert.Equal(LongDiscussionFactory.HugeThreadReplies, thread.QuerySelectorAll(".replies article").Length);
    }

    [Fact]
    public async Task TheWholeView_ShowsEveryComment_AndNamesItselfCanonical()
    {
        var page = await factory.CreateReader().GetDocumentAsync(Post + "?page=all");

        Assert.Equal(await StoredCommentIdsAsync(), page.QuerySelectorAll("#comments .threads article").Select(c => c.Id!));
        Assert.Equal(LongDiscussionFactory.Threads, page.QuerySelectorAll("#comments .threads > li").Length);
        Assert.EndsWith(Post + "?page=all", page.One("link[rel=canonical]").GetAttribute("href"), StringComparison.Ordinal);
        Assert.Empty(page.QuerySelectorAll(".comment-pages-end"));
        Assert.Equal($"Comments in pages of {CommentPages.CommentsPerPage}", page.One(".comment-views a[href='./long-discussion']").Text());
    }

    [Fact]
    public async Task EachPage_LinksEveryOtherPage_AndMarksItsOwn()
    {
        var page = await factory.CreateReader().GetDocumentAsync(Post + "?page=2");

        Assert.Equal("2", page.One(".comment-views [aria-current=page]").Text());
        Assert.Equal("./long-discussion", page.One(".comment-views a[rel=prev]").GetAttribute("href"));
        Assert.Equal("?page=3", page.One(".comment-views a[rel=next]").GetAttribute("href"));
        Assert.Equal("?page=3", page.One(".comment-pages-end a[rel=next]").GetAttribute("href"));
        Assert.EndsWith(Post + "?page=2", page.One("link[rel=canonical]").GetAttribute("href"), StringComparison.Ordinal);
        Assert.Contains("(comments, page 2 of", page.Title, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ThreadLinks_ReachTheNeighbourOnAnotherPage()
    {
        var client = factory.CreateReader();
        var first = await client.GetDocumentAsync(Post);

        var articles = first.QuerySelectorAll("#comments .threads > li > article");
        var last = articles[^1];
        var next = last.One("a.next-thread").GetAttribute("href")!;
        Assert.StartsWith("?page=2#c", next, StringComparison.Ordinal);
        var target = await client.GetDocumentAsync(Post + next[..next.IndexOf('#', StringComparison.Ordinal)]);
        Assert.NotNull(target.GetElementById(next[(next.IndexOf('#', StringComparison.Ordinal) + 1)..]));
    }

    [Theory]
    [InlineData("?page=0")]
    [InlineData("?page=-1")]
    [InlineData("?page=abc")]
    [InlineData("?replies=shown")]
    [InlineData("?comment=abc")]
    [InlineData("?comment=999999999")]
    public async Task AViewTheDiscussionDoesNotHave_IsNotFound(string query)
    {
        await factory.CreateReader().GetDocumentAsync(Post + query, System.Net.HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task AShortDiscussion_HasOnePage_NoOutline_AndItsWholeViewIsThatPage()
    {
        var client = factory.CreateReader();
        var page = await client.GetDocumentAsync(Seeds.Napo179);
        var whole = await client.GetDocumentAsync(Seeds.Napo179 + "?page=all");

        Assert.Empty(page.QuerySelectorAll(".thread-outline, .comment-views, .comment-pages-end"));
        Assert.EndsWith(Seeds.Napo179, whole.One("link[rel=canonical]").GetAttribute("href"), StringComparison.Ordinal);
        await client.GetDocumentAsync(Seeds.Napo179 + "?page=2", System.Net.HttpStatusCode.NotFound);
    }

    private static List<string> PageLinks(IDocument page) =>
        [.. page.QuerySelectorAll(".comment-views a[href^='?page=']:not([rel]):not([href='?page=all'])").Select(a => a.GetAttribute("href")!)];

    private Task<List<string>> StoredCommentIdsAsync() =>
        factory.ReadStoreAsync((db, ct) => db.Comments.AsNoTracking()
            .Where(c => c.Post.Permalink == Post.TrimStart('/'))
            .OrderBy(c => c.Position)
            .Select(c => "c" + c.Id)
            .ToListAsync(ct));
}
