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
/// <item>A Redis that is down or slow costs a render, never a page: the connection is opened
/// without failing when Redis is not there, and while it is down every command fails at once
/// instead of waiting in a queue. The framework's middleware takes a failed lookup for a miss and
/// only logs a failed store; the eviction catches its own failures. An outage is logged once, and
/// so is the recovery.</item>
/// </list>
/// </summary>
internal static class RedisOutputCache
{
    public static IServiceCollection AddRedisOutputCacheWhenConfigured(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ArchiveOptions>().Validate<IOptions<ArchiveStoreOptions>>(
            (archive, store) => string.IsNullOrWhiteSpace(archive.OutputCacheRedis) || store.Value.Provider == ArchiveProvider.PostgreSql,
            "Archive:OutputCacheRedis needs Archive:Provider=PostgreSQL: SQLite's data version is counted per connection, so it cannot key pages that several processes share.");

        // The store is chosen as services are registered, the one moment the framework allows;
        // its settings are read from the validated ArchiveOptions when it is first used.
        if (string.IsNullOrWhiteSpace(configuration.GetSection(ArchiveOptions.SectionName)[nameof(ArchiveOptions.OutputCacheRedis)]))
        {
            return services;
        }

        services.AddStackExchangeRedisOutputCache(_ => { });
        services.AddOptions<RedisOutputCacheOptions>().Configure<IOptions<ArchiveOptions>, IServiceScopeFactory, ILoggerFactory>((redis, archive, scopes, logs) =>
        {
            var connection = Connection(archive.Value.OutputCacheRedis!);
            var logger = logs.CreateLogger(typeof(RedisOutputCache).FullName!);
            redis.ConnectionMultiplexerFactory = () => ConnectAsync(connection, logger);
            redis.InstanceName = KeyPrefix(scopes);
        });
        return services;
    }

    /// <summary>
    /// Connects, and says so once when Redis stops answering and once when it is back: the
    /// framework's middleware would log an error for every lookup and store meanwhile, which
    /// appsettings.json silences.
    /// </summary>
    private static async Task<IConnectionMultiplexer> ConnectAsync(ConfigurationOptions options, ILogger logger)
    {
        var connection = await ConnectionMultiplexer.ConnectAsync(options);
        connection.ConnectionFailed += (_, e) =>
            logger.LogWarning(e.Exception, "Redis at {EndPoint} does not answer ({Failure}): pages are rendered uncached until it does", e.EndPoint, e.FailureType);
        connection.ConnectionRestored += (_, e) => logger.LogInformation("Redis at {EndPoint} answers again: pages are cached there again", e.EndPoint);
        if (!connection.IsConnected)
        {
            logger.LogWarning("Redis at {EndPoints} does not answer: pages are rendered uncached until it does", string.Join(", ", options.EndPoints));
        }

        return connection;
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

    private static ConfigurationOptions Connection(string configuration)
    {
        var options = ConfigurationOptions.Parse(configuration);
        // Whatever the string says: a node whose Redis is down at start keeps connecting in the
        // background (rather than failing every lookup's connect, one after another), and a command
        // while it is down fails at once (rather than waiting out the timeout for a reconnection).
        options.AbortOnConnectFail = false;
        options.BacklogPolicy = BacklogPolicy.FailFast;
        return options;
    }

    private static string KeyPrefix(IServiceScopeFactory scopes)
    {
        using var scope = scopes.CreateScope();
        return $"ProbationArchive:{scope.ServiceProvider.GetRequiredService<ArchiveDbContext>().Database.GetDbConnection().Database}:";
    }
}
