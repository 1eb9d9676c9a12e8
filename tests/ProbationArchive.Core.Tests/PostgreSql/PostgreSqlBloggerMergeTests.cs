using ProbationArchive.Core.Data;
using ProbationArchive.Core.Tests.Import.Blogger;

namespace ProbationArchive.Core.Tests.PostgreSql;

[Trait("Provider", "PostgreSQL")]
public sealed class PostgreSqlBloggerMergeTests : BloggerMergeTests
{
    protected override ArchiveProvider Provider => ArchiveProvider.PostgreSql;
}
