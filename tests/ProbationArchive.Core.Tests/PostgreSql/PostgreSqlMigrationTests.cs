using Microsoft.EntityFrameworkCore;
using ProbationArchive.Core.Data;
using ProbationArchive.Core.Tests.Support;

namespace ProbationArchive.Core.Tests.PostgreSql;

/// <summary>PostgreSQL's migrations (src/ProbationArchive.Data.PostgreSql) describe the model as it is, and a new database gets them all.</summary>
[Trait("Provider", "PostgreSQL")]
public sealed class PostgreSqlMigrationTests
{
    [Fact]
    public async Task Model_HasNoChangesMissingFromThePostgreSqlMigrations()
    {
        await using var archive = await TestArchive.CreateAsync(ArchiveProvider.PostgreSql);
        await using var db = archive.OpenContext();

        Assert.False(db.Database.HasPendingModelChanges());
        Assert.Empty(await db.Database.GetPendingMigrationsAsync(TestContext.Current.CancellationToken));
        Assert.NotEmpty(db.Database.GetMigrations());
    }
}
