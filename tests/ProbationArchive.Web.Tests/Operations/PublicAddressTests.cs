using System.Net;
using System.Xml.Linq;
using Microsoft.AspNetCore.Mvc.Testing;
using ProbationArchive.Web.Tests.Support;

namespace ProbationArchive.Web.Tests.Operations;

/// <summary>
/// Behind a balancer: with Archive:PublicBaseUrl set, every absolute URL is made from it, never
/// from the Host header, and a request for another host is refused; forwarded headers count
/// only from Archive:KnownProxies.
/// </summary>
public sealed class PublicAddressTests(ArchiveWebFactory factory)
{
    private const string Public = "https://archive.example.org";

    private HttpClient Client(string host, params (string Key, string Value)[] settings)
    {
        var app = factory.WithWebHostBuilder(builder =>
        {
            builder.UseSetting("Archive:PublicBaseUrl", Public + "/");
            foreach (var (key, value) in settings)
            {
                builder.UseSetting(key, value);
            }
        });
        return app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri($"http://{host}/") });
    }

    [Fact]
    public async Task ArchivePublicBaseUrl_MakesEveryAbsoluteUrl_WhateverTheHostAsked()
    {
        using var client = Client("archive.example.org");
        var ct = TestContext.Current.CancellationToken;

        var sitemap = XDocument.Parse(await client.GetStringAsync(new Uri("/sitemap.xml", UriKind.Relative), ct));
        var locations = sitemap.Descendants().Where(e => e.Name.LocalName == "loc").Select(e => e.Value).ToList();
        Assert.NotEmpty(locations);
        Assert.All(locations, l => Assert.StartsWith(Public + "/", l, StringComparison.Ordinal));
        Assert.Contains($"Sitemap: {Public}/sitemap.xml", await client.GetStringAsync(new Uri("/robots.txt", UriKind.Relative), ct), StringComparison.Ordinal);
        var feed = await client.GetStringAsync(new Uri("/feeds/posts.atom", UriKind.Relative), ct);
        Assert.Contains($"<id>{Public}/feeds/posts.atom</id>", feed, StringComparison.Ordinal);
        Assert.DoesNotContain("http://archive.example.org", feed, StringComparison.Ordinal);
        var post = await client.GetDocumentAsync(Seeds.Napo179);
        Assert.Equal(Public + Seeds.Napo179, post.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
        Assert.Equal(Public + Seeds.Napo179, post.QuerySelector("meta[property='og:url']")!.GetAttribute("content"));
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/sitemap.xml")]
    [InlineData("/feeds/posts.atom")]
    public async Task ArchivePublicBaseUrl_RefusesRequestsForAnotherHost(string url)
    {
        using var client = Client("attacker.example");

        using var response = await client.GetAsync(new Uri(url, UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task ArchiveKnownProxiesUnset_IgnoresForwardedHeaders()
    {
        using var client = factory.CreateReader();
        using var request = new HttpRequestMessage(HttpMethod.Get, Seeds.Napo179);
        request.Headers.Add("X-Forwarded-Proto", "https");
        request.Headers.Add("X-Forwarded-Host", "attacker.example");

        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Contains($"href=\"http://localhost{Seeds.Napo179}\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("attacker.example", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ArchiveKnownProxies_IsInvalidUnlessAddresses()
    {
        var app = factory.WithWebHostBuilder(builder => builder.UseSetting("Archive:KnownProxies:0", "balancer.internal"));

        var error = Assert.ThrowsAny<Exception>(() => app.CreateClient());

        Assert.Contains("Archive:KnownProxies", error.ToString(), StringComparison.Ordinal);
        await app.DisposeAsync();
    }
}
