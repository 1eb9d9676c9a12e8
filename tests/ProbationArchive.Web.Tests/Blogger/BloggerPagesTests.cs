using System.Net;
using ProbationArchive.Web.Tests.Support;

namespace ProbationArchive.Web.Tests.Blogger;

/// <summary>What a reader sees of an imported Blogger export: pages, authors and times, old addresses, and nothing of drafts or e-mail addresses.</summary>
public sealed class BloggerPagesTests(BloggerArchiveFactory factory) : IClassFixture<BloggerArchiveFactory>
{
    [Fact]
    public async Task APage_IsAtItsOwnAddressWithItsCommentsTheirAuthorsAndTimes()
    {
        var page = await factory.CreateReader().GetDocumentAsync(BloggerArchiveFactory.Page);

        Assert.Equal("Feedback", page.One("#post-title").Text());
        var comments = page.QuerySelectorAll("#comments article");
        Assert.Equal(13, comments.Length);
        var bylines = comments.Select(c => c.One(".byline")).ToList();
        Assert.Equal(8, bylines.Count(b => b.Text().StartsWith("Anonymous", StringComparison.Ordinal)));
        Assert.Equal(5, bylines.Count(b => b.QuerySelector("a")?.GetAttribute("href") == "http://www.blogger.com/profile/06143537581139815312"));
        Assert.Equal("2010-10-16T22:15:37-07:00", bylines[0].One("time").GetAttribute("datetime"));
        Assert.Equal("16 October 2010, 22:15", bylines[0].One("time").Text());
    }

    [Fact]
    public async Task APage_IsInNoListFeedOrDateArchive()
    {
        var client = factory.CreateReader();

        foreach (var list in new[] { "/", "/2010", "/2010/10", "/archive" })
        {
            var document = await client.GetDocumentAsync(list);
            Assert.DoesNotContain(document.QuerySelectorAll("a[href]"), a => a.GetAttribute("href") == BloggerArchiveFactory.Page);
        }

        var feed = await client.GetStringAsync(new Uri("/feeds/posts.atom", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.DoesNotContain("/p/feedback", feed, StringComparison.Ordinal);
        Assert.Contains("/2010/10/mo-words-is-live", feed, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ADraft_IsNowherePublic()
    {
        var client = factory.CreateReader();

        using var draft = await client.GetAsync(new Uri(BloggerArchiveFactory.DraftAddress, UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotFound, draft.StatusCode);
        foreach (var address in new[] { "/", "/2012", "/2012/03", "/archive", "/labels", "/feeds/posts.atom", "/sitemap.xml", "/search?q=zyxwvut", "/search?q=secret+draft" })
        {
            var text = await client.GetStringAsync(new Uri(address, UriKind.Relative), TestContext.Current.CancellationToken);
            Assert.DoesNotContain("Secret Draft", text, StringComparison.Ordinal);
            Assert.DoesNotContain(BloggerArchiveFactory.DraftAddress, text, StringComparison.Ordinal);
            Assert.DoesNotContain("DraftOnlyLabel", text, StringComparison.Ordinal);
            if (!address.StartsWith("/search", StringComparison.Ordinal))
            {
                // A search page repeats its query; elsewhere the draft's words appear nowhere.
                Assert.DoesNotContain("zyxwvut", text, StringComparison.Ordinal);
            }
        }
    }

    [Theory]
    [InlineData("/2010/10/update-13-released-on-marketplace.html", "/2010/10/update-13-released-on-marketplace")]
    [InlineData("/p/feedback.html", BloggerArchiveFactory.Page)]
    [InlineData("/feeds/2544502800320433121/comments/default", "/feeds/comments/2010/10/update-13-released-on-marketplace.atom")]
    [InlineData("/feeds/1099408231173381423/comments/default", "/feeds/comments/p/feedback.atom")]
    public async Task BloggersOldAddress_MovesPermanentlyToThePost(string old, string current)
    {
        using var response = await factory.CreateReader().GetAsync(new Uri(old, UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal(current, response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task TheExportsLabel_ListsItsPost()
    {
        var label = await factory.CreateReader().GetDocumentAsync("/label/v1.0");

        Assert.Contains(label.QuerySelectorAll("article.post-summary a[href]"), a => a.GetAttribute("href") == BloggerArchiveFactory.LabelledPost);
    }

    [Fact]
    public async Task NoPageOrFeed_ShowsAnEmailAddressFromTheExport()
    {
        var client = factory.CreateReader();
        var addresses = new[] { "/", BloggerArchiveFactory.Page, BloggerArchiveFactory.LabelledPost, BloggerArchiveFactory.HostilePost, "/2010/10", "/labels", "/feeds/posts.atom", $"/feeds/comments{BloggerArchiveFactory.Page}.atom", "/sitemap.xml", "/search?q=mo+words" };

        foreach (var address in addresses)
        {
            using var response = await client.GetAsync(new Uri(address, UriKind.Relative), TestContext.Current.CancellationToken);
            Assert.True(response.IsSuccessStatusCode, $"{address}: {response.StatusCode}");
            var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
            Assert.DoesNotContain("noreply@blogger.com", text, StringComparison.Ordinal);
            Assert.DoesNotContain("jacob.gable@gmail.com", text, StringComparison.Ordinal);
            Assert.DoesNotContain("owner.secret@example.org", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task TheFeeds_CarryTheExportsHtmlAsSanitised()
    {
        var client = factory.CreateReader();

        var posts = await client.GetStringAsync(new Uri("/feeds/posts.atom", UriKind.Relative), TestContext.Current.CancellationToken);
        var comments = await client.GetStringAsync(new Uri($"/feeds/comments{BloggerArchiveFactory.Page}.atom", UriKind.Relative), TestContext.Current.CancellationToken);

        // HTML travels escaped inside the Atom content: a <ul> of the export, not its text "&lt;ul&gt;" escaped twice.
        Assert.Contains("&lt;ul&gt;&lt;li&gt;Sending encrypted information when registering.", posts, StringComparison.Ordinal);
        Assert.DoesNotContain("&amp;lt;", posts, StringComparison.Ordinal);
        Assert.Contains("Obfuskater", comments, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnExportsImages_AreLinksToTheOriginalsNotLoaded()
    {
        var post = await factory.CreateReader().GetDocumentAsync(BloggerArchiveFactory.HostilePost);

        Assert.Empty(post.QuerySelectorAll(".post-body :is(img, iframe, script, svg, form, input), #comments :is(img, iframe, script, svg, form, input), script:not([src])"));
        var image = post.One(".post-body a.offline-image");
        Assert.Equal(("http://1.bp.blogspot.com/x.png", "[image: A photo]"), (image.GetAttribute("href"), image.Text()));
    }
}
