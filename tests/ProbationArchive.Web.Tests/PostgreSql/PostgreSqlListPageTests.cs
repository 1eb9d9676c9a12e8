using ProbationArchive.TestSupport;
using ProbationArchive.Web.Tests.Pages;

namespace ProbationArchive.Web.Tests.PostgreSql;

[Trait("Provider", "PostgreSQL")]
public sealed class PostgreSqlListPageTests(PostgreSqlArchiveWebFactory factory) : ListPageTests(factory), IClassFixture<PostgreSqlArchiveWebFactory>
{
    private readonly string _server = PostgreSqlTestDatabase.RequireServer();
}

