using ProbationArchive.TestSupport;
using ProbationArchive.Web.Tests.Pages;

namespace ProbationArchive.Web.Tests.PostgreSql;

[Trait("Provider", "PostgreSQL")]
public sealed class PostgreSqlPostPageTests(PostgreSqlArchiveWebFactory factory) : PostPageTests(factory), IClassFixture<PostgreSqlArchiveWebFactory>
{
    private readonly string _server = PostgreSqlTestDatabase.RequireServer();
}

