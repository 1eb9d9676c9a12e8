using Microsoft.AspNetCore.OutputCaching.StackExchangeRedis;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ProbationArchive.Core.Data;
using StackExchange.Redis;

namespace ProbationArchive.Web.Hosting;

/// <summary>
/// The output cache in Redis (<c>Archive:OutputCacheRedis</c>), one cache shared by every node,
/// instead of one in each node's memory: docs/SCALING.md has the figures and the choice. It is
/// exactly as current as the per-node cache:
/// <list type="bullet">
/// <item>Every entry's key holds the archive's data version (<see cref="OutputCaching"/>). On
/// PostgreSQL that is the database's one version row, the same number on every node, so a page
/// stored by any node before an import is never a hit for a node that has heard of the import.
/// Nothing depends on evicting old entries (that only frees their memory). SQLite's version is
/// per connection (two processes, or one process restarted, count differently), hence PostgreSQL
/// only.</item>
/// <item>Keys start with the database's name, so archives (and the tests' databases) sharing one
/// Redis never share pages.</item>
/// <item>A Redis that is down or slow costs a render, never a page (<see cref="RedisConnection"/>).
/// The framework's middleware takes a failed lookup for a miss and only logs a failed store; the
/// eviction catches its own failures.</item>
/// </list>
/// </summary>
internal static class RedisOutputCache
{
    public static IServiceCollection AddRedisOutputCacheWhenConfigured(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ArchiveOptions>().Validate<IOptions<ArchiveStoreOptions>>(
            (archive, store) => string.IsNullOrWhiteSpace(archive.OutputCacheRedis) || store.Value.Provider == ArchiveProvider.PostgreSql,
            "Archive:OutputCacheRedis needs Archive:Provider=PostgreSQL: SQLite's data version is counted per connection, so it cannot key pages that several processes share.");

        // The store is chosen as services are registered (the package registers its store, an
        // internal type, only through its extension method); its settings are read from the
        // validated ArchiveOptions when it is first used.
        if (string.IsNullOrWhiteSpace(configuration.GetSection(ArchiveOptions.SectionName)[nameof(ArchiveOptions.OutputCacheRedis)]))
        {
            return services;
        }

        services.AddStackExchangeRedisOutputCache(_ => { });
        services.AddSingleton<RedisConnection>();
        services.AddOptions<RedisOutputCacheOptions>().Configure<RedisConnection, IServiceScopeFactory>((redis, connection, scopes) =>
        {
            redis.ConnectionMultiplexerFactory = connection.ConnectAsync;
            redis.InstanceName = KeyPrefix(scopes);
        });
        return services;
    }

    /// <summary>Why <paramref name="configuration"/> cannot be used, or null when it can.</summary>
    public static string? ConfigurationProblem(string configuration)
    {
        try
        {
            return ConfigurationOptions.Parse(configuration).EndPoints.Count == 0 ? "it names no server." : null;
        }
        catch (ArgumentException e)
        {
            return e.Message;
        }
    }

    private static string KeyPrefix(IServiceScopeFactory scopes)
    {
        using var scope = scopes.CreateScope();
        return $"ProbationArchive:{scope.ServiceProvider.GetRequiredService<ArchiveDbContext>().Database.GetDbConnection().Database}:";
    }
}
