using ProbationArchive.Core.Data;
using ProbationArchive.Core.Tests.Search;

namespace ProbationArchive.Core.Tests.PostgreSql;

[Trait("Provider", "PostgreSQL")]
public sealed class PostgreSqlArchiveSearchTests : ArchiveSearchTests
{
    protected override ArchiveProvider Provider => ArchiveProvider.PostgreSql;
}
