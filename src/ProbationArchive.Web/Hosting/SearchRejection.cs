using System.Globalization;
using System.Net;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace ProbationArchive.Web.Hosting;

/// <summary>
/// The 429 page for a refused search. A body of its own, so the status-code pages leave it alone;
/// plain markup: no script, no inline style.
/// </summary>
internal static class SearchRejection
{
    private const string OneClient = "This address has searched the archive many times in a short while. Please wait a moment, then search again.";
    private const string Everyone = "The archive is answering many searches just now. Please try again in a moment.";

    public static async ValueTask WriteAsync(OnRejectedContext context, CancellationToken cancellationToken)
    {
        var response = context.HttpContext.Response;
        // Only the per-client window knows when it reopens; a full queue of searches clears in seconds.
        var perClient = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter);
        var seconds = perClient ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)) : 2;
        response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        response.ContentType = "text/html; charset=utf-8";
        await response.WriteAsync(Page(perClient ? OneClient : Everyone), cancellationToken);
    }

    private static string Page(string message) => $"""
        <!DOCTYPE html>
        <html lang="en-GB">
        <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex" />
        <title>Too many searches · Probation Archive</title>
        <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
        <link rel="stylesheet" href="/css/site.css" />
        </head>
        <body>
        <header class="site-header"><div class="site-header-inner"><a class="site-title" href="/">Probation Archive</a></div></header>
        <div class="page"><main id="main">
        <h1>Too many searches</h1>
        <p id="search-problem" class="search-problem">{WebUtility.HtmlEncode(message)}</p>
        <p>Reading is not limited: <a href="/">the newest posts</a> and <a href="/labels">the labels</a> are always open.</p>
        </main></div>
        </body>
        </html>
        """;
}
