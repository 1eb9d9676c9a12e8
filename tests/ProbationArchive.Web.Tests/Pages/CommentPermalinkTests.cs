using System.Net;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using ProbationArchive.Web.Tests.Support;

namespace ProbationArchive.Web.Tests.Pages;

/// <summary>Issue 15: a comment's permalink lands on it, whichever page of the discussion holds it.</summary>
public sealed class CommentPermalinkTests(LongDiscussionFactory factory) : IClassFixture<LongDiscussionFactory>
{
    [Theory]
    [InlineData(LongDiscussionFactory.PostPath)]
    [InlineData(Seeds.Napo179)]
    [InlineData(Seeds.Undated)]
    public async Task EveryCommentsLastingAddress_RedirectsToThePageThatShowsIt_AtItsAnchor(string post)
    {
        var client = factory.CreateReader();
        var ids = await factory.ReadStoreAsync((db, ct) => db.Comments.AsNoTracking()
            .Where(c => "/" + c.Post.Permalink == post).OrderBy(c => c.Position).Select(c => c.Id).ToListAsync(ct));
        var pages = new Dictionary<string, IDocument>();

        foreach (var id in ids)
        {
            using var response = await client.GetAsync(new Uri($"{post}?comment={id}", UriKind.Relative), TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.Found, response.StatusCode);
            var location = response.Headers.Location!.OriginalString;
            Assert.EndsWith($"#c{id}", location, StringComparison.Ordinal);
            var page = location[..location.IndexOf('#', StringComparison.Ordinal)];
            Assert.StartsWith(post, page, StringComparison.Ordinal);
            if (!pages.TryGetValue(page, out var document))
            {
                document = await client.GetDocumentAsync(page);
                pages[page] = document;
            }

            Assert.Equal("ARTICLE", document.GetElementById($"c{id}")?.TagName);
        }

        Assert.NotEmpty(ids);
        TestContext.Current.SendDiagnosticMessage($"{post}: {ids.Count} comments on {pages.Count} pages");
    }

    [Theory]
    [InlineData(LongDiscussionFactory.PostPath + "?page=2")]
    [InlineData(LongDiscussionFactory.PostPath + "?page=all&replies=hidden")]
    [InlineData(Seeds.Napo179)]
    public async Task EveryComment_HasItsLastingAddressAsItsPermalink(string url)
    {
        var page = await factory.CreateReader().GetDocumentAsync(url);

        var comments = page.QuerySelectorAll("#comments .threads article");
        Assert.NotEmpty(comments);
        Assert.All(comments, c => Assert.Equal("?comment=" + c.Id![1..], c.One(":scope > header [rel=bookmark]").GetAttribute("href")));
    }

    [Fact]
    public async Task AnotherPostsComment_IsNotFoundHere()
    {
        var client = factory.CreateReader();
        var elsewhere = await factory.ReadStoreAsync((db, ct) => db.Comments.Where(c => "/" + c.Post.Permalink == Seeds.Napo179).Select(c => c.Id).FirstAsync(ct));

        await client.GetDocumentAsync($"{LongDiscussionFactory.PostPath}?comment={elsewhere}", HttpStatusCode.NotFound);
        await client.GetDocumentAsync($"/2001/04/no-such-post?comment={elsewhere}", HttpStatusCode.NotFound);
    }

    /// <summary>
    /// Only the bare first page of a discussion in pages loads the script that sends an old
    /// fragment-only link on; every other page, and a post whose comments fit one page, runs none.
    /// </summary>
    [Theory]
    [InlineData(LongDiscussionFactory.PostPath, true)]
    [InlineData(LongDiscussionFactory.PostPath + "?page=2", false)]
    [InlineData(LongDiscussionFactory.PostPath + "?page=all", false)]
    [InlineData(LongDiscussionFactory.PostPath + "?replies=hidden", false)]
    [InlineData(Seeds.Napo179, false)]
    public async Task TheFragmentScript_IsOnlyOnTheFirstPageOfADiscussionInPages(string url, bool expected)
    {
        var page = await factory.CreateReader().GetDocumentAsync(url);

        var scripts = page.QuerySelectorAll("script").Select(s => s.GetAttribute("src") ?? "inline").ToList();
        if (expected)
        {
            var script = Assert.Single(scripts);
            Assert.StartsWith("/js/comment-fragment.js?v=", script, StringComparison.Ordinal);
            Assert.True(page.QuerySelector("script")!.HasAttribute("defer"));
        }
        else
        {
            Assert.Empty(scripts);
        }
    }
}
