using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using ProbationArchive.Web.Search;

namespace ProbationArchive.Web.Hosting;

/// <summary>
/// Search is the one page whose cost a reader chooses, so each client gets a fixed window of
/// searches (<c>Search:PermitLimit</c> per <c>Search:WindowSeconds</c>), partitioned by remote
/// address; past it the answer is 429 with a short page and Retry-After. Other pages are not limited.
/// </summary>
internal static class SearchRateLimiting
{
    public const string PolicyName = "search";

    // A body of its own, so the status-code pages leave it alone. Plain markup: no script, no inline style.
    private const string TooManySearchesPage = """
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
        <p id="search-problem" class="search-problem">This address has searched the archive many times in a short while. Please wait a moment, then search again.</p>
        <p>Reading is not limited: <a href="/">the newest posts</a> and <a href="/labels">the labels</a> are always open.</p>
        </main></div>
        </body>
        </html>
        """;

    public static IServiceCollection AddSearchRateLimiting(this IServiceCollection services)
    {
        services.AddOptions<SearchOptions>()
            .BindConfiguration(SearchOptions.SectionName)
            .Validate(o => o.PageSize is >= 1 and <= 100, "Search:PageSize must be 1 to 100.")
            .Validate(o => o.MaxPage >= 1, "Search:MaxPage must be at least 1.")
            .Validate(o => o.PermitLimit >= 1 && o.WindowSeconds >= 1, "Search:PermitLimit and Search:WindowSeconds must be at least 1.")
            .ValidateOnStart();
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = RejectAsync;
            options.AddPolicy(PolicyName, context =>
            {
                var search = context.RequestServices.GetRequiredService<IOptions<SearchOptions>>().Value;
                return RateLimitPartition.GetFixedWindowLimiter(ClientKey(context.Connection.RemoteIpAddress), _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = search.PermitLimit,
                    Window = TimeSpan.FromSeconds(search.WindowSeconds),
                    QueueLimit = 0,
                });
            });
        });
        return services;
    }

    /// <summary>
    /// The client's address; for IPv6 its /64 network, since one host is usually given a whole
    /// /64 and could otherwise take a new address for every search.
    /// </summary>
    public static string ClientKey(IPAddress? address)
    {
        if (address is null)
        {
            return "unknown";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }

        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }

    private static async ValueTask RejectAsync(OnRejectedContext context, CancellationToken cancellationToken)
    {
        var response = context.HttpContext.Response;
        if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
        {
            response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        }

        response.ContentType = "text/html; charset=utf-8";
        await response.WriteAsync(TooManySearchesPage, cancellationToken);
    }
}
