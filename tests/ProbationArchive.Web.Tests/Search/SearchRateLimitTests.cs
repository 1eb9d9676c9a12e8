using System.Net;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
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

    [Fact]
    public async Task SearchesPastTheSharedConcurrency_Get429AtOnce_UntilATurnIsFree()
    {
        using var one = factory.WithSearchSetting("Search:MaxConcurrent", "1");
        using var busy = one.WithWebHostBuilder(builder => builder.UseSetting("Search:MaxQueued", "0"));
        var client = busy.CreateClient();
        await client.GetDocumentAsync(SearchClient.Url("napo"));

        // Another reader's search holds the only turn.
        var limiter = busy.Services.GetRequiredService<IOptions<RateLimiterOptions>>().Value.GlobalLimiter!;
        var elsewhere = new DefaultHttpContext { RequestServices = busy.Services };
        elsewhere.SetEndpoint(new Endpoint(null, new EndpointMetadataCollection(new EnableRateLimitingAttribute(SearchRateLimiting.PolicyName)), "search"));
        using (var turn = await limiter.AcquireAsync(elsewhere, cancellationToken: TestContext.Current.CancellationToken))
        {
            Assert.True(turn.IsAcquired);
            // A search already answered comes from the output cache, which needs no turn.
            await client.GetDocumentAsync(SearchClient.Url("napo"));
            using var refused = await client.GetAsync(new Uri(SearchClient.Url("pay"), UriKind.Relative), TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
            Assert.NotNull(refused.Headers.RetryAfter?.Delta);
            var page = await new HtmlParser().ParseDocumentAsync(await refused.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), TestContext.Current.CancellationToken);
            Assert.Contains("many searches just now", page.One("#search-problem").Text(), StringComparison.Ordinal);
            // Reading is not searching: it takes no turn.
            await client.GetDocumentAsync("/");
            await client.GetDocumentAsync("/label/PO");
        }

        await client.GetDocumentAsync(SearchClient.Url("pay"));
    }

    [Fact]
    public async Task ASearchAnsweredFromTheCache_SpendsNoPermit()
    {
        using var limited = factory.WithSearchSetting("Search:PermitLimit", "1");
        var client = limited.CreateClient();

        await client.GetDocumentAsync(SearchClient.Url("napo"));
        await client.GetDocumentAsync(SearchClient.Url("napo"));
        await client.GetDocumentAsync(SearchClient.Url("napo  "));
        using var refused = await client.GetAsync(new Uri(SearchClient.Url("pay"), UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
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
