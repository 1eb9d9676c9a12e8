using Microsoft.EntityFrameworkCore;
using ProbationArchive.Core.Tests.Support;

namespace ProbationArchive.Core.Tests.Import;

public sealed class MigrationTests
{
    [Fact]
    public async Task Model_HasNoChangesMissingFromTheMigrations()
    {
        await using var archive = await TestArchive.CreateAsync();
        await using var db = archive.OpenContext();

        Assert.False(db.Database.HasPendingModelChanges());
        Assert.Empty(await db.Database.GetPendingMigrationsAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Migrate_PutsTheDatabaseInWalMode()
    {
        await using var archive = await TestArchive.CreateAsync();
        await using var db = archive.OpenContext();

        var mode = await db.Database.SqlQueryRaw<string>("SELECT journal_mode AS Value FROM pragma_journal_mode").SingleAsync(TestContext.Current.CancellationToken);

        Assert.Equal("wal", mode);
    }
}
