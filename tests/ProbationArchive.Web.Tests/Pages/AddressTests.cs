using System.Net;
using ProbationArchive.Web.Tests.Support;

namespace ProbationArchive.Web.Tests.Pages;

public sealed class AddressTests(ArchiveWebFactory factory)
{
    [Theory]
    [InlineData("/2018/11/latest-from-napo-179.html", Seeds.Napo179)]
    // Blogger cut long slugs; a cut slug that begins exactly one post of the month still finds it.
    [InlineData("/2018/11/latest-from-napo.html", Seeds.Napo179)]
    [InlineData("/search/label/PO", "/label/PO")]
    [InlineData("/search/label/Napo%20News", "/label/Napo%20News")]
    [InlineData("/label/po", "/label/PO")]
    public async Task OldAndVariantAddresses_RedirectPermanently(string oldUrl, string newUrl)
    {
        using var response = await factory.CreateReader().GetAsync(new Uri(oldUrl, UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal(newUrl, response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task LabelAddressInAnotherCase_RedirectsEvenAfterTheLabelPageWasCached()
    {
        var reader = factory.CreateReader();
        using var cached = await reader.GetAsync(new Uri("/label/PO", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, cached.StatusCode);

        using var variant = await reader.GetAsync(new Uri("/label/po", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.MovedPermanently, variant.StatusCode);
    }

    [Theory]
    [InlineData("/2018/11/no-such-post")]
    [InlineData("/2018/11/no-such-post.html")]
    [InlineData("/undated/no-such-post")]
    [InlineData("/label/NoSuchLabel")]
    [InlineData("/label/PO+NoSuchLabel")]
    [InlineData("/1999")]
    [InlineData("/2018/12")]
    [InlineData("/2018/13")]
    [InlineData("/?page=2")]
    [InlineData("/label/PO?page=2")]
    [InlineData("/nothing/here/at/all")]
    public async Task UnknownAddresses_AnswerNotFoundWithAHelpfulPage(string url)
    {
        var page = await factory.CreateReader().GetDocumentAsync(url, HttpStatusCode.NotFound);

        Assert.Equal("Nothing here", page.One("main h1").Text());
        Assert.Equal(url.Split('?')[0], page.One(".not-found-path code").Text());
        Assert.Contains(page.QuerySelectorAll(".not-found-suggestions a"), a => a.GetAttribute("href") == "/");
        Assert.NotEmpty(page.QuerySelectorAll(".archive-tree .archive-year"));
    }

    [Fact]
    public async Task UnknownPost_SuggestsItsMonth()
    {
        var page = await factory.CreateReader().GetDocumentAsync("/2018/11/no-such-post", HttpStatusCode.NotFound);

        Assert.Contains(page.QuerySelectorAll(".not-found-suggestions a"), a => a.GetAttribute("href") == "/2018/11");
    }

    [Theory]
    [InlineData("/")]
    [InlineData(Seeds.Napo179)]
    [InlineData("/no-such-page")]
    public async Task Pages_CarryAPolicyThatAllowsNoInlineScript(string url)
    {
        using var response = await factory.CreateReader().GetAsync(new Uri(url, UriKind.Relative), TestContext.Current.CancellationToken);

        var policy = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("script-src 'self'", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", policy, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/")]
    [InlineData(Seeds.Napo179)]
    [InlineData("/label/PO")]
    [InlineData("/labels")]
    public async Task Pages_UseNoScriptInlineStyleOrOutsideAsset(string url)
    {
        var page = await factory.CreateReader().GetDocumentAsync(url);

        Assert.Empty(page.QuerySelectorAll("script"));
        Assert.Empty(page.QuerySelectorAll("[style]"));
        // The canonical link names a page, not an asset: absolute, and on the archive's own host.
        Assert.All(page.QuerySelectorAll("link[href]:not([rel=canonical]), img[src]"), e =>
            Assert.StartsWith("/", e.GetAttribute("href") ?? e.GetAttribute("src"), StringComparison.Ordinal));
        Assert.StartsWith(Feeds.FeedReader.Site + "/", page.One("link[rel=canonical]").GetAttribute("href"), StringComparison.Ordinal);
    }
}
