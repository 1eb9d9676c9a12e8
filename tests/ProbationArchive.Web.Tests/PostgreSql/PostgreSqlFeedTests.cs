using ProbationArchive.TestSupport;
using ProbationArchive.Web.Tests.Feeds;

namespace ProbationArchive.Web.Tests.PostgreSql;

[Trait("Provider", "PostgreSQL")]
public sealed class PostgreSqlFeedTests(PostgreSqlArchiveWebFactory factory) : FeedTests(factory), IClassFixture<PostgreSqlArchiveWebFactory>
{
    private readonly string _server = PostgreSqlTestDatabase.RequireServer();
}

