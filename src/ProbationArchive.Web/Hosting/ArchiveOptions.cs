using System.ComponentModel.DataAnnotations;

namespace ProbationArchive.Web.Hosting;

/// <summary>
/// The web app's settings, from the "Archive" configuration section, bound and validated once at
/// start (docs/configuration.md lists every key with its default and the test that shows its effect).
/// </summary>
public sealed class ArchiveOptions : IValidatableObject
{
    public const string SectionName = "Archive";

    public const int MaxPageSize = 100;

    /// <summary>Posts per page on the home, label and date archive pages.</summary>
    [Range(1, MaxPageSize)]
    public int PageSize { get; set; } = 10;

    /// <summary>Whole pages are kept in memory until the archive changes (docs/PERFORMANCE.md).</summary>
    public bool OutputCache { get; set; } = true;

    /// <summary>
    /// A StackExchange.Redis configuration string ("redis.internal:6379,password=…"): the output
    /// cache is kept there, shared by every node, instead of in each node's memory
    /// (<see cref="RedisOutputCache"/>). PostgreSQL only. Unset or empty, each node keeps its own.
    /// </summary>
    public string? OutputCacheRedis { get; set; }

    /// <summary>Requests rendered at once; the rest wait their turn (<see cref="PageConcurrency"/>).</summary>
    [Range(1, int.MaxValue)]
    public int MaxConcurrentRequests { get; set; } = 4 * Environment.ProcessorCount;

    /// <summary>Requests that may wait for a turn; past these the answer is 503.</summary>
    [Range(0, int.MaxValue)]
    public int MaxQueuedRequests { get; set; } = 4096;

    /// <summary>An empty archive is filled from the built-in corpus at start.</summary>
    public bool ImportSeedsWhenEmpty { get; set; } = true;

    /// <summary>Where the built-in corpus is; by default the seeds/ folder beside the executable.</summary>
    public string SeedsPath { get; set; } = Path.Combine(AppContext.BaseDirectory, "seeds");

    /// <summary>
    /// The archive's public address ("https://archive.example.org/"), behind a load balancer: every
    /// absolute URL (feeds, sitemap, robots.txt, canonical links) is made from it, never from the
    /// Host header, and requests for any other host are refused (<see cref="PublicAddress"/>).
    /// Unset, absolute URLs are made from the request.
    /// </summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>Proxies (IP addresses) whose X-Forwarded-For and X-Forwarded-Proto are believed; from anyone else they are ignored.</summary>
    public string[] KnownProxies { get; set; } = [];

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (PublicBaseUrl is not null && PublicAddress.Parse(PublicBaseUrl) is null)
        {
            yield return new ValidationResult(
                $"Archive:PublicBaseUrl must be an absolute http or https address with no query or fragment, such as https://archive.example.org/ (it is '{PublicBaseUrl}').",
                [nameof(PublicBaseUrl)]);
        }

        // The value is not repeated in the message: it may hold Redis's password.
        if (!string.IsNullOrWhiteSpace(OutputCacheRedis) && RedisOutputCache.ConfigurationProblem(OutputCacheRedis) is { } problem)
        {
            yield return new ValidationResult($"Archive:OutputCacheRedis is not a usable StackExchange.Redis configuration string: {problem}", [nameof(OutputCacheRedis)]);
        }

        foreach (var proxy in KnownProxies.Where(p => !System.Net.IPAddress.TryParse(p, out _)))
        {
            yield return new ValidationResult($"Archive:KnownProxies holds '{proxy}', which is not an IP address.", [nameof(KnownProxies)]);
        }
    }
}
