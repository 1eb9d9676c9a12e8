using ProbationArchive.TestSupport;
using ProbationArchive.Web.Tests.Hosting;

namespace ProbationArchive.Web.Tests.PostgreSql;

[Trait("Provider", "PostgreSQL")]
public sealed class PostgreSqlOutputCachingTests(PostgreSqlArchiveWebFactory factory) : OutputCachingTests(factory), IClassFixture<PostgreSqlArchiveWebFactory>
{
    private readonly string _server = PostgreSqlTestDatabase.RequireServer();

    /// <summary>PostgreSQL tells the node by notification, a moment after the commit (docs/SCALING.md).</summary>
    protected override Task ArchiveChangeReachedAsync() => NodeVersions.WaitUntilCurrentAsync(factory);
}
