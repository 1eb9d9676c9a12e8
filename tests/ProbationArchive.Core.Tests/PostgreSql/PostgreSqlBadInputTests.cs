using ProbationArchive.Core.Data;
using ProbationArchive.Core.Tests.Import;

namespace ProbationArchive.Core.Tests.PostgreSql;

[Trait("Provider", "PostgreSQL")]
public sealed class PostgreSqlBadInputTests : BadInputTests
{
    protected override ArchiveProvider Provider => ArchiveProvider.PostgreSql;
}
