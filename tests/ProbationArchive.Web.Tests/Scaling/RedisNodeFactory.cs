using Microsoft.AspNetCore.Hosting;
using ProbationArchive.Web.Tests.PostgreSql;

namespace ProbationArchive.Web.Tests.Scaling;

/// <summary>
/// An app node on a throwaway PostgreSQL database whose output cache is in Redis
/// (<c>Archive:OutputCacheRedis</c>). The first node makes (and drops) the database; each of
/// <see cref="AnotherNode"/> shares it and the Redis.
/// </summary>
public sealed class RedisNodeFactory : PostgreSqlArchiveWebFactory
{
    private readonly string _redis;

    public RedisNodeFactory(string redis) => _redis = redis;

    private RedisNodeFactory(RedisNodeFactory first, string redis)
        : base(() => first.ConnectionString, ownsDatabase: false) => _redis = redis;

    /// <summary>One node more on the same database and the same Redis.</summary>
    public RedisNodeFactory AnotherNode() => new(this, _redis);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Archive:OutputCacheRedis", _redis);
    }
}
