using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace ProbationArchive.Web.Hosting;

/// <summary>
/// The node's one connection to the Redis of <c>Archive:OutputCacheRedis</c>, for the output cache
/// (<see cref="RedisOutputCache"/>). It is made before the node serves (ArchiveStartup), so a Redis
/// that does not answer delays the start by its connect timeout, once, rather than the first
/// readers. Whatever the configuration string says, the connection does not give up when Redis is
/// not there (it keeps reconnecting in the background), and while Redis is down every command fails
/// at once instead of waiting in a queue for the timeout: pages are rendered uncached meanwhile.
/// An outage is logged once and so is the recovery; the framework's middleware would log an error
/// for every lookup and store meanwhile, which appsettings.json silences.
/// </summary>
internal sealed class RedisConnection(IOptions<ArchiveOptions> archive, ILogger<RedisConnection> logger)
{
    private readonly Lazy<Task<IConnectionMultiplexer>> _connecting = new(() => ConnectAsync(archive.Value.OutputCacheRedis!, logger));

    public Task<IConnectionMultiplexer> ConnectAsync() => _connecting.Value;

    private static async Task<IConnectionMultiplexer> ConnectAsync(string configuration, ILogger logger)
    {
        var options = ConfigurationOptions.Parse(configuration);
        options.AbortOnConnectFail = false;
        options.BacklogPolicy = BacklogPolicy.FailFast;
        var connection = await ConnectionMultiplexer.ConnectAsync(options);
        LogOutages(connection, string.Join(", ", options.EndPoints), logger);
        return connection;
    }

    /// <summary>Only the changes: the client raises a failure for every connection and every attempt to reconnect.</summary>
    private static void LogOutages(ConnectionMultiplexer connection, string endPoints, ILogger logger)
    {
        var down = 0;
        connection.ConnectionFailed += (_, e) =>
        {
            if (Interlocked.Exchange(ref down, 1) == 0)
            {
                logger.LogWarning(e.Exception, "Redis at {EndPoints} does not answer ({Failure}): pages are rendered uncached until it does", endPoints, e.FailureType);
            }
        };
        connection.ConnectionRestored += (_, _) =>
        {
            if (Interlocked.Exchange(ref down, 0) == 1)
            {
                logger.LogInformation("Redis at {EndPoints} answers again: pages are cached there again", endPoints);
            }
        };
        if (!connection.IsConnected && Interlocked.Exchange(ref down, 1) == 0)
        {
            logger.LogWarning("Redis at {EndPoints} does not answer: pages are rendered uncached until it does", endPoints);
        }
    }
}
