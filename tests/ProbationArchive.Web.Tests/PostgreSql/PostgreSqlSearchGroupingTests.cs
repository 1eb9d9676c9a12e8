using ProbationArchive.TestSupport;
using ProbationArchive.Web.Tests.Search;

namespace ProbationArchive.Web.Tests.PostgreSql;

[Trait("Provider", "PostgreSQL")]
public sealed class PostgreSqlSearchGroupingTests(PostgreSqlArchiveWebFactory factory) : SearchGroupingTests(factory), IClassFixture<PostgreSqlArchiveWebFactory>
{
    private readonly string _server = PostgreSqlTestDatabase.RequireServer();
}

