using System.Net;
using System.Net.Sockets;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using ProbationArchive.Web.Search;

namespace ProbationArchive.Web.Hosting;

/// <summary>
/// Search is the one page whose cost a reader chooses, so it is limited twice with ASP.NET Core's
/// rate limiter: each client gets a fixed window of searches (<c>Search:PermitLimit</c> per
/// <c>Search:WindowSeconds</c>), partitioned by remote address; and all clients together run at
/// most <c>Search:MaxConcurrent</c> searches at once, <c>Search:MaxQueued</c> more waiting. Past
/// either the answer is 429 with Retry-After and a short page. Other pages are not limited. A
/// search answered from the output cache (<see cref="OutputCaching"/>) runs nothing and takes
/// neither: the cache is ahead of the limiter.
/// </summary>
internal static class SearchRateLimiting
{
    public const string PolicyName = "search";

    public static IServiceCollection AddSearchRateLimiting(this IServiceCollection services)
    {
        services.AddOptions<SearchOptions>()
            .BindConfiguration(SearchOptions.SectionName)
            .Validate(o => o.PageSize is >= 1 and <= 100, "Search:PageSize must be 1 to 100.")
            .Validate(o => o.MaxPage is >= 1 and <= 10_000, "Search:MaxPage must be 1 to 10000.")
            .Validate(o => o.PermitLimit >= 1 && o.WindowSeconds >= 1, "Search:PermitLimit and Search:WindowSeconds must be at least 1.")
            .Validate(o => o.MaxConcurrent >= 1 && o.MaxQueued >= 0, "Search:MaxConcurrent must be at least 1 and Search:MaxQueued at least 0.")
            .ValidateOnStart();
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<SearchOptions>>((options, search) =>
        {
            var settings = search.Value;
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = SearchRejection.WriteAsync;
            options.AddPolicy(PolicyName, context => RateLimitPartition.GetFixedWindowLimiter(
                ClientKey(context.Connection.RemoteIpAddress),
                _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = settings.PermitLimit,
                    Window = TimeSpan.FromSeconds(settings.WindowSeconds),
                    QueueLimit = 0,
                }));
            // The global limiter runs before the page's policy, on every request: only search has a partition that limits.
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                IsSearch(context)
                    ? RateLimitPartition.GetConcurrencyLimiter(PolicyName, _ => new ConcurrencyLimiterOptions
                    {
                        PermitLimit = settings.MaxConcurrent,
                        QueueLimit = settings.MaxQueued,
                        QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
                    })
                    : RateLimitPartition.GetNoLimiter(""));
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

    private static bool IsSearch(HttpContext context) =>
        context.GetEndpoint()?.Metadata.GetMetadata<EnableRateLimitingAttribute>()?.PolicyName == PolicyName;
}
