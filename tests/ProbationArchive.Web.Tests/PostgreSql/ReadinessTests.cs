using System.Net;
using Npgsql;
using ProbationArchive.TestSupport;

namespace ProbationArchive.Web.Tests.PostgreSql;

/// <summary>/readyz tells the balancer whether the node can serve: 200 while its database answers, 503 once it does not, while /healthz (the process) stays 200.</summary>
[Trait("Provider", "PostgreSQL")]
public sealed class ReadinessTests
{
    private readonly string _server = PostgreSqlTestDatabase.RequireServer();

    [Fact]
    public async Task Readyz_FollowsTheDatabase_HealthzDoesNot()
    {
        await using var node = new PostgreSqlArchiveWebFactory();
        var client = node.CreateReader();
        var ct = TestContext.Current.CancellationToken;
        using (var ready = await client.GetAsync(new Uri("/readyz", UriKind.Relative), ct))
        {
            Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        }

        var database = new NpgsqlConnectionStringBuilder(node.ConnectionString).Database;
        await using (var admin = new NpgsqlConnection(_server))
        {
            await admin.OpenAsync(ct);
            await using var drop = new NpgsqlCommand($"DROP DATABASE {database} WITH (FORCE)", admin);
            await drop.ExecuteNonQueryAsync(ct);
        }

        using var gone = await client.GetAsync(new Uri("/readyz", UriKind.Relative), ct);
        using var live = await client.GetAsync(new Uri("/healthz", UriKind.Relative), ct);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, gone.StatusCode);
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
    }
}
