using System.Diagnostics;
using StackExchange.Redis;

namespace ProbationArchive.Web.Tests.Scaling;

/// <summary>
/// The Redis server for the tests of the shared output cache, named by <see cref="Variable"/> as a
/// StackExchange.Redis configuration string ("127.0.0.1:6390"); .ci/run starts a throwaway
/// redis-server on loopback and sets it. Unset, those tests are skipped and say why; set, a server
/// that cannot be reached fails them, so CI never skips.
/// </summary>
internal static class RedisTestServer
{
    public const string Variable = "ARCHIVE_TEST_REDIS";

    private static readonly Lazy<string?> Unreachable = new(Ping);

    /// <summary>Skips the calling test when no server is named; fails it when the named one does not answer.</summary>
    public static string Require()
    {
        if (Environment.GetEnvironmentVariable(Variable) is not { Length: > 0 } server)
        {
            Assert.Skip($"This test needs Redis: set {Variable} to a StackExchange.Redis configuration string (.ci/run starts redis-server and sets it).");
            throw new UnreachableException();
        }

        Assert.True(Unreachable.Value is null, $"{Variable} names {server}, which does not answer: {Unreachable.Value}");
        return server;
    }

    private static string? Ping()
    {
        try
        {
            using var connection = ConnectionMultiplexer.Connect(Environment.GetEnvironmentVariable(Variable)!);
            connection.GetDatabase().Ping();
            return null;
        }
        catch (RedisException e)
        {
            return e.Message;
        }
    }
}
