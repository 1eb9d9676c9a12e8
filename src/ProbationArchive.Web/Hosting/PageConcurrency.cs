using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace ProbationArchive.Web.Hosting;

/// <summary>
/// Runs at most <c>Archive:MaxConcurrentRequests</c> requests at once (default four per
/// processor) and queues the rest, oldest first, up to <c>Archive:MaxQueuedRequests</c> (default
/// 4,096); past that the answer is 503 with Retry-After. SQLite reads block a thread, so without a
/// bound a flood of readers makes the thread pool add threads, each soon holding a pooled
/// connection with its own page cache: in the soak (docs/RELIABILITY.md) threads grew from 27 to
/// 117 and memory by half in four minutes. A queued request waits without a thread. Requests with
/// a rate-limiting policy of their own (search) are left to it, and pages answered from the
/// output cache never reach the limiter (WebPipeline): they do no SQLite work.
/// </summary>
internal static class PageConcurrency
{
    public const string BusyMessage = "The archive is answering many readers just now. Please try again in a moment.";

    public static IServiceCollection AddPageConcurrencyLimit(this IServiceCollection services)
    {
        services.AddRateLimiter(_ => { });
        // After every other configuration, so the search limiter is chained with, not replaced.
        services.AddOptions<RateLimiterOptions>().PostConfigure<IOptions<ArchiveOptions>>((options, archive) =>
        {
            var permits = archive.Value.MaxConcurrentRequests;
            var queue = archive.Value.MaxQueuedRequests;
            var pages = PartitionedRateLimiter.Create<HttpContext, string>(context => HasPolicyOfItsOwn(context)
                ? RateLimitPartition.GetNoLimiter("own policy")
                : RateLimitPartition.GetConcurrencyLimiter("pages", _ => new ConcurrencyLimiterOptions
                {
                    PermitLimit = permits,
                    QueueLimit = queue,
                    QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
                }));
            options.GlobalLimiter = options.GlobalLimiter is { } other ? PartitionedRateLimiter.CreateChained(other, pages) : pages;
            var otherRejection = options.OnRejected;
            options.OnRejected = (context, cancellationToken) => otherRejection is not null && HasPolicyOfItsOwn(context.HttpContext)
                ? otherRejection(context, cancellationToken)
                : BusyAsync(context.HttpContext.Response, cancellationToken);
        });
        return services;
    }

    private static bool HasPolicyOfItsOwn(HttpContext context) =>
        context.GetEndpoint()?.Metadata.GetMetadata<EnableRateLimitingAttribute>() is not null;

    /// <summary>A body of its own, so the status-code pages do not turn the 503 into a "not found" page.</summary>
    private static async ValueTask BusyAsync(HttpResponse response, CancellationToken cancellationToken)
    {
        response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        response.Headers.RetryAfter = "1";
        response.ContentType = "text/plain; charset=utf-8";
        await response.WriteAsync(BusyMessage, cancellationToken);
    }
}
