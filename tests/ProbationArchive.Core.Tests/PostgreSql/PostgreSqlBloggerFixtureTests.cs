using ProbationArchive.Core.Data;
using ProbationArchive.Core.Tests.Import.Blogger;

namespace ProbationArchive.Core.Tests.PostgreSql;

[Trait("Provider", "PostgreSQL")]
public sealed class PostgreSqlBloggerFixtureTests : BloggerFixtureTests
{
    protected override ArchiveProvider Provider => ArchiveProvider.PostgreSql;
}
