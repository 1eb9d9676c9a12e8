using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ProbationArchive.Web.Tests.Support;

namespace ProbationArchive.Web.Tests.Reliability;

/// <summary>
/// Only so many requests run at once; the rest wait their turn, and past the queue the answer is
/// 503 with Retry-After, never a thread per waiting reader (the soak in docs/RELIABILITY.md).
/// </summary>
public sealed class PageConcurrencyTests
{
    [Fact]
    public async Task PastTheRunningAndQueuedLimits_APageIs503WithRetryAfter_AndServedOnceATurnIsFree()
    {
        await using var factory = new ArchiveWebFactory();
        var app = factory.WithWebHostBuilder(builder => builder
            .UseSetting("Archive:MaxConcurrentRequests", "2")
            .UseSetting("Archive:MaxQueuedRequests", "0")
            .UseSetting("Archive:OutputCache", "false"));
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var limiter = app.Services.GetRequiredService<IOptions<RateLimiterOptions>>().Value.GlobalLimiter!;
        var page = new DefaultHttpContext();

        // Two requests' worth of turns taken, as two slow pages would hold them.
        using var first = limiter.AttemptAcquire(page);
        using var second = limiter.AttemptAcquire(page);
        Assert.True(first.IsAcquired && second.IsAcquired);
        using (var third = limiter.AttemptAcquire(page))
        {
            Assert.False(third.IsAcquired);
        }

        using (var refused = await client.GetAsync(new Uri(Seeds.Napo179, UriKind.Relative), TestContext.Current.CancellationToken))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
            Assert.Equal(TimeSpan.FromSeconds(1), refused.Headers.RetryAfter?.Delta);
            Assert.Contains("many readers", await refused.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        }

        // Static files are served before the limit: the stylesheet of the 503 still loads.
        using (var css = await client.GetAsync(new Uri("/css/site.css", UriKind.Relative), TestContext.Current.CancellationToken))
        {
            Assert.Equal(HttpStatusCode.OK, css.StatusCode);
        }

        second.Dispose();
        using var served = await client.GetAsync(new Uri(Seeds.Napo179, UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
    }

    [Fact]
    public async Task ByDefault_FourRequestsAProcessorRun_AndTheRestQueue()
    {
        await using var factory = new ArchiveWebFactory();
        var limiter = factory.Services.GetRequiredService<IOptions<RateLimiterOptions>>().Value.GlobalLimiter!;
        var page = new DefaultHttpContext();

        var running = Enumerable.Range(0, 4 * Environment.ProcessorCount).Select(_ => limiter.AttemptAcquire(page)).ToList();
        Assert.All(running, lease => Assert.True(lease.IsAcquired));
        using (var over = limiter.AttemptAcquire(page))
        {
            Assert.False(over.IsAcquired);
        }

        // A request past the limit waits in the queue, and gets its turn when one is released.
        var waiting = limiter.AcquireAsync(page, cancellationToken: TestContext.Current.CancellationToken);
        Assert.False(waiting.IsCompleted);
        running[0].Dispose();
        using var turn = await waiting;
        Assert.True(turn.IsAcquired);
        running.ForEach(lease => lease.Dispose());
    }
}
