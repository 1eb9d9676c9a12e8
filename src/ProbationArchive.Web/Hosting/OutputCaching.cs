using Microsoft.AspNetCore.OutputCaching;

namespace ProbationArchive.Web.Hosting;

/// <summary>
/// Pages are cached whole in memory (ASP.NET Core output caching) and never outlive the data they
/// show: before each lookup, SQLite's <c>PRAGMA data_version</c> (<see cref="ArchiveDataVersion"/>)
/// says whether anything was committed since, by this process or by the import command in
/// another. A few microseconds, no table read. The version is part of the cache key, so a page
/// rendered from older data is never served after a change, even one stored while the change
/// committed; the old entries are evicted by tag to free their memory.
/// <c>Archive:OutputCache=false</c> turns caching off.
/// </summary>
internal static class OutputCaching
{
    public const string ArchiveTag = "archive";

    public static IServiceCollection AddArchiveOutputCaching(this IServiceCollection services)
    {
        services.AddSingleton<ArchiveDataVersion>();
        services.AddOutputCache(options =>
        {
            // "/label/po" must reach its page (a 301 to "/label/PO"), not the cached "/label/PO".
            options.UseCaseSensitivePaths = true;
            // Vary by path and every query key (the default), cache 200 responses to GET and HEAD only (the default).
            options.AddBasePolicy(policy => policy
                .AddPolicy<EvictWhenArchiveChanges>()
                .Expire(TimeSpan.FromMinutes(10))
                .Tag(ArchiveTag));
        });
        return services;
    }

    public static WebApplication UseArchiveOutputCaching(this WebApplication app)
    {
        if (app.Configuration.GetValue("Archive:OutputCache", true))
        {
            app.UseOutputCache();
        }

        return app;
    }

    /// <summary>Keys each page by the archive's version, and drops the cached pages of older versions.</summary>
    private sealed class EvictWhenArchiveChanges(ArchiveDataVersion version, IOutputCacheStore store) : IOutputCachePolicy
    {
        public async ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
        {
            var (current, changed) = version.Check();
            context.CacheVaryByRules.VaryByValues["archive-version"] = current.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (changed)
            {
                await store.EvictByTagAsync(ArchiveTag, cancellation);
            }
        }

        public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

        public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;
    }
}
