using ProbationArchive.Web.Tests.Reliability;
using ProbationArchive.Web.Tests.Support;

namespace ProbationArchive.Web.Tests.PostgreSql;

[Trait("Provider", "PostgreSQL")]
public sealed class PostgreSqlCachedPagesAfterImportTests : CachedPagesAfterImportTests
{
    protected override ArchiveWebFactory NewFactory() => new PostgreSqlArchiveWebFactory();

    /// <summary>
    /// PostgreSQL tells the node by notification, which arrives a moment after the commit
    /// (docs/SCALING.md): wait, boundedly, until the node holds the version the database holds.
    /// </summary>
    protected override async Task ArchiveChangeReachedAsync(ArchiveWebFactory app) =>
        await NodeVersions.WaitUntilCurrentAsync(app);
}
