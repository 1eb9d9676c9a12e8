using ProbationArchive.TestSupport;
using ProbationArchive.Web.Tests.Search;

namespace ProbationArchive.Web.Tests.PostgreSql;

[Trait("Provider", "PostgreSQL")]
public sealed class PostgreSqlSearchPageTests(PostgreSqlArchiveWebFactory factory) : SearchPageTests(factory), IClassFixture<PostgreSqlArchiveWebFactory>
{
    private readonly string _server = PostgreSqlTestDatabase.RequireServer();
}

