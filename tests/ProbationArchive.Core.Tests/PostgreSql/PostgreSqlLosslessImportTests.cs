using ProbationArchive.Core.Data;
using ProbationArchive.Core.Tests.Import;

namespace ProbationArchive.Core.Tests.PostgreSql;

[Trait("Provider", "PostgreSQL")]
public sealed class PostgreSqlLosslessImportTests : LosslessImportTests
{
    protected override ArchiveProvider Provider => ArchiveProvider.PostgreSql;
}
