using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using ProbationArchive.Core.Data;
using ProbationArchive.Web.Search;
using StackExchange.Redis;

namespace ProbationArchive.Web.Hosting;

/// <summary>
/// Pages are cached whole (ASP.NET Core output caching), by default one cache in each node's
/// memory, or one in Redis that every node shares (<see cref="RedisOutputCache"/>), and never
/// outlive the data they show: before each lookup, the archive's data version
/// (<see cref="IArchiveDataVersion"/>: SQLite's <c>PRAGMA data_version</c>, PostgreSQL's notified
/// version row) says whether anything was committed since, by this process or by the import
/// command in another, on any node. A few microseconds, no table read. The version is part of the
/// cache key, so a page rendered from older data is never served after a change, even one stored
/// while the change committed, and whichever node stored it. Entries are tagged with their
/// version, and the first request to see a new version evicts the previous version's entries to
/// free their memory (only that: nothing would ever look them up again). When the version cannot
/// be read, the request neither reads nor fills the cache.
/// The cache runs before the rate limiter (WebPipeline): a hit does no SQLite work, so it takes
/// no turn of the page or search limits.
/// <c>Archive:OutputCache=false</c> turns caching off.
/// </summary>
internal static class OutputCaching
{
    /// <summary>Every entry is tagged with the data version it was rendered from: "archive-version-42".</summary>
    public const string VersionTagPrefix = "archive-version-";

    /// <summary>The search page's policy: see <see cref="CacheSearchByItsForm"/>.</summary>
    public const string SearchPolicy = "search";

    /// <summary>
    /// All entries together, in bytes (the framework's default, stated): the hot pages of a large
    /// archive fit many times over, and past it the least recently used entries go first.
    /// </summary>
    public const long SizeLimitBytes = 100L * 1024 * 1024;

    private const string VersionKey = "archive-version";
    private const string EncodingKey = "encoding";

    public static IServiceCollection AddArchiveOutputCaching(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<IArchiveDataVersion>(provider =>
            provider.GetRequiredService<IOptions<ArchiveStoreOptions>>().Value.Provider == ArchiveProvider.PostgreSql
                ? ActivatorUtilities.CreateInstance<PostgreSqlDataVersion>(provider)
                : ActivatorUtilities.CreateInstance<SqliteDataVersion>(provider));
        services.AddOutputCache(options =>
        {
            options.SizeLimit = SizeLimitBytes;
            // "/label/po" must reach its page (a 301 to "/label/PO"), not the cached "/label/PO".
            options.UseCaseSensitivePaths = true;
            // Vary by path and every query key (the default), cache 200 responses to GET and HEAD only (the default).
            options.AddBasePolicy(policy => policy
                .AddPolicy<EvictWhenArchiveChanges>()
                .AddPolicy<VaryByEncoding>()
                .Expire(TimeSpan.FromMinutes(10)));
            options.AddPolicy(SearchPolicy, policy => policy.AddPolicy<CacheSearchByItsForm>(), excludeDefaultPolicy: true);
        });
        // After AddOutputCache: Redis's store replaces the memory store it registers.
        services.AddRedisOutputCacheWhenConfigured(configuration);
        return services;
    }

    public static WebApplication UseArchiveOutputCaching(this WebApplication app)
    {
        if (app.Services.GetRequiredService<IOptions<ArchiveOptions>>().Value.OutputCache)
        {
            app.UseOutputCache();
        }

        return app;
    }

    /// <summary>Keys and tags each page by the archive's version, and drops the cached pages of the version it replaced.</summary>
    private sealed class EvictWhenArchiveChanges(IArchiveDataVersion version, IOutputCacheStore store, ILogger<EvictWhenArchiveChanges> logger) : IOutputCachePolicy
    {
        public async ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
        {
            if (version.Check() is not { } check)
            {
                // Nothing cached can be shown to be current, and nothing rendered now could be told apart later.
                context.AllowCacheLookup = false;
                context.AllowCacheStorage = false;
                return;
            }

            context.CacheVaryByRules.VaryByValues[VersionKey] = check.Version;
            context.Tags.Add(VersionTagPrefix + check.Version);
            if (check.Replaced is not { } replaced)
            {
                return;
            }

            try
            {
                await store.EvictByTagAsync(VersionTagPrefix + replaced, cancellation);
            }
            catch (Exception e) when (e is RedisException or TimeoutException)
            {
                // Correctness never rests on this (the key holds the version): the old entries expire instead.
                logger.LogWarning(e, "Could not evict the cached pages of archive version {Version}; they expire by themselves", replaced);
            }
        }

        public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

        public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;
    }

    /// <summary>One entry per encoding the page is sent in (PageCompression), never per spelling of Accept-Encoding.</summary>
    private sealed class VaryByEncoding(IResponseCompressionProvider compression) : IOutputCachePolicy
    {
        public ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
        {
            context.CacheVaryByRules.VaryByValues[EncodingKey] = PageCompression.ChosenEncoding(compression, context.HttpContext);
            return ValueTask.CompletedTask;
        }

        public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

        public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;
    }

    /// <summary>
    /// Search result pages, like every page, are keyed by the archive's version (the base policy),
    /// but by the normalised form (<see cref="SearchForm.CacheKey"/>) instead of the raw query:
    /// "probation  officer " and "probation officer" are one entry, and an unknown parameter
    /// makes none. 64 readers asking the same question cost one search; the others wait for it
    /// (the output cache's own locking) and take no search permit. How far unique queries can
    /// fill the cache is bounded twice: each one is a miss, which passes the per-client search
    /// limit, and all entries together stay within <see cref="SizeLimitBytes"/>.
    /// </summary>
    private sealed class CacheSearchByItsForm : IOutputCachePolicy
    {
        public ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
        {
            context.CacheVaryByRules.QueryKeys = StringValues.Empty;
            context.CacheVaryByRules.VaryByValues[SearchPolicy] = SearchForm.FromQuery(context.HttpContext.Request.Query).CacheKey;
            return ValueTask.CompletedTask;
        }

        public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

        public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;
    }
}
