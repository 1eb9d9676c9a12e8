using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ProbationArchive.Web.Tests.Support;

namespace ProbationArchive.Web.Tests.Hosting;

/// <summary>
/// Pages come from the output cache while the archive is unchanged: no SQL, no turn of the page
/// limit, the same headers. Once another connection commits, the next request renders again.
/// </summary>
public class OutputCachingTests(ArchiveWebFactory factory) : IClassFixture<ArchiveWebFactory>
{
    [Fact]
    public async Task RepeatedPage_IsServedWithoutSql_AndWithTheSecurityHeaders()
    {
        var client = factory.CreateReader();
        // The post's six, and the sidebar's two unless another test of the class already made it for this data version.
        Assert.InRange(await factory.CountCommandsAsync(client, Seeds.Napo179), 6, 8);

        Assert.Equal(0, await factory.CountCommandsAsync(client, Seeds.Napo179));
        using var cached = await client.GetAsync(new Uri(Seeds.Napo179, UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Contains("script-src 'self'", cached.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Equal("nosniff", cached.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", cached.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("no-referrer", cached.Headers.GetValues("Referrer-Policy").Single());
    }

    [Fact]
    public async Task ACommitByAnotherConnection_IsShownOnTheNextRequest()
    {
        const string Post = "/2019/03/probation-as-a-job";
        var client = factory.CreateReader();
        Assert.Equal("Probation as a Job", (await client.GetDocumentAsync(Post)).One("#post-title").Text());
        Assert.Equal(0, await factory.CountCommandsAsync(client, Post));

        await factory.WithDatabaseAsync(db => db.Posts.Where(p => p.Permalink == Post.TrimStart('/'))
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.Title, "Probation as a Job, retitled"), TestContext.Current.CancellationToken));
        await ArchiveChangeReachedAsync();

        Assert.Equal("Probation as a Job, retitled", (await client.GetDocumentAsync(Post)).One("#post-title").Text());
    }

    [Fact]
    public async Task CachedPages_TakeNoTurnOfThePageLimit()
    {
        using var oneAtATime = factory.WithWebHostBuilder(builder => builder
            .UseSetting("Archive:MaxConcurrentRequests", "1")
            .UseSetting("Archive:MaxQueuedRequests", "0"));
        using var client = oneAtATime.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await client.GetDocumentAsync("/labels");
        var limiter = oneAtATime.Services.GetRequiredService<IOptions<RateLimiterOptions>>().Value.GlobalLimiter!;

        // A slow page elsewhere holds the only turn.
        using (var turn = limiter.AttemptAcquire(new DefaultHttpContext()))
        {
            Assert.True(turn.IsAcquired);
            await client.GetDocumentAsync("/labels");
            using var uncached = await client.GetAsync(new Uri("/archive", UriKind.Relative), TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, uncached.StatusCode);
        }

        await client.GetDocumentAsync("/archive");
    }

    /// <summary>After a commit, before the next request: nothing to wait for on SQLite, whose version is read at each request.</summary>
    protected virtual Task ArchiveChangeReachedAsync() => Task.CompletedTask;

    [Theory]
    [InlineData("/css/site.css", "text/css")]
    [InlineData("/favicon.svg", "image/svg+xml")]
    public async Task StaticFiles_AreServedFromTheirOwnAddresses(string url, string type)
    {
        using var response = await factory.CreateReader().GetAsync(new Uri(url, UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(type, response.Content.Headers.ContentType?.MediaType);
    }
}
