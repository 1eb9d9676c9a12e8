using ProbationArchive.TestSupport;
using ProbationArchive.Web.Tests.Search;

namespace ProbationArchive.Web.Tests.PostgreSql;

[Trait("Provider", "PostgreSQL")]
public sealed class PostgreSqlSearchCacheTests(PostgreSqlArchiveWebFactory factory) : SearchCacheTests(factory), IClassFixture<PostgreSqlArchiveWebFactory>
{
    private readonly string _server = PostgreSqlTestDatabase.RequireServer();

    /// <summary>PostgreSQL tells the node by notification, a moment after the commit (docs/SCALING.md).</summary>
    protected override Task ArchiveChangeReachedAsync() => NodeVersions.WaitUntilCurrentAsync(factory);
}
