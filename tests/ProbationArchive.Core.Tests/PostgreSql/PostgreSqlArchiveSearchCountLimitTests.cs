using ProbationArchive.Core.Data;
using ProbationArchive.Core.Tests.Search;

namespace ProbationArchive.Core.Tests.PostgreSql;

[Trait("Provider", "PostgreSQL")]
public sealed class PostgreSqlArchiveSearchCountLimitTests : ArchiveSearchCountLimitTests
{
    protected override ArchiveProvider Provider => ArchiveProvider.PostgreSql;
}
