using System.Net;
using AngleSharp.Html.Parser;
using ProbationArchive.Web.Hosting;
using ProbationArchive.Web.Tests.Support;

namespace ProbationArchive.Web.Tests.Search;

/// <summary>Searches are limited per client; past the limit the answer is 429 and a page, and reading goes on.</summary>
public sealed class SearchRateLimitTests(ArchiveWebFactory factory)
{
    [Fact]
    public async Task SearchesPastTheLimit_Get429WithRetryAfter_AndOtherPagesStillAnswer()
    {
        using var limited = factory.WithSearchSetting("Search:PermitLimit", "3");
        var client = limited.CreateClient();

        // Refused searches count too: the limit is on requests, whatever they hold.
        await client.GetDocumentAsync(SearchClient.Url("napo"));
        await client.GetDocumentAsync(SearchClient.Url("probation"));
        await client.GetDocumentAsync(SearchClient.Url("-napo"), HttpStatusCode.BadRequest);
        using var refused = await client.GetAsync(new Uri(SearchClient.Url("pay"), UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero, "Retry-After tells the reader when to come back");
        Assert.Equal("text/html", refused.Content.Headers.ContentType?.MediaType);
        Assert.Contains("script-src 'self'", refused.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        var page = await new HtmlParser().ParseDocumentAsync(await refused.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), TestContext.Current.CancellationToken);
        Assert.Equal("Too many searches", page.One("h1").Text());
        Assert.Empty(page.QuerySelectorAll("script, [style]"));

        await client.GetDocumentAsync("/");
        await client.GetDocumentAsync(Seeds.Napo179);
    }

    [Theory]
    [InlineData(null, "unknown")]
    [InlineData("203.0.113.7", "203.0.113.7")]
    [InlineData("::ffff:203.0.113.7", "203.0.113.7")]
    [InlineData("2001:db8:1:2:aaaa:bbbb:cccc:dddd", "2001:db8:1:2::/64")]
    [InlineData("2001:db8:1:2::1", "2001:db8:1:2::/64")]
    public void ClientKey_GroupsAnIPv6HostsWholeNetwork(string? address, string expected) =>
        Assert.Equal(expected, SearchRateLimiting.ClientKey(address is null ? null : IPAddress.Parse(address)));
}
