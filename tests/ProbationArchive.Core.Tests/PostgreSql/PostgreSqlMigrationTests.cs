using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using ProbationArchive.Core.Data;
using ProbationArchive.Core.Tests.Support;
using ProbationArchive.TestSupport;

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

    /// <summary>An operator's first start on a new database logs no error (EF Core used to log its first read of the missing history table as one).</summary>
    [Fact]
    public async Task ANewDatabase_IsMigrated_WithNoErrorInTheLog()
    {
        var connectionString = await PostgreSqlTestDatabase.CreateEmptyAsync();
        try
        {
            var errors = new ConcurrentQueue<string>();
            await MigrateAsync(connectionString, errors);

            Assert.Empty(errors);
            await AssertMigratedAsync(connectionString);
        }
        finally
        {
            await PostgreSqlTestDatabase.DropAsync(connectionString);
        }
    }

    /// <summary>Several nodes starting at once on a new database: each start succeeds, and the migrations are applied once.</summary>
    [Fact]
    public async Task ANewDatabase_MigratedByThreeNodesAtOnce_EndsMigrated()
    {
        var connectionString = await PostgreSqlTestDatabase.CreateEmptyAsync();
        try
        {
            var errors = new ConcurrentQueue<string>();
            await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Task.Run(() => MigrateAsync(connectionString, errors))));

            await AssertMigratedAsync(connectionString);
        }
        finally
        {
            await PostgreSqlTestDatabase.DropAsync(connectionString);
        }
    }

    private static async Task MigrateAsync(string connectionString, ConcurrentQueue<string> errors)
    {
        await using var db = Open(connectionString, errors);
        await ArchiveDatabase.MigrateAsync(db, TestContext.Current.CancellationToken);
    }

    private static async Task AssertMigratedAsync(string connectionString)
    {
        await using var db = Open(connectionString, new ConcurrentQueue<string>());
        var ct = TestContext.Current.CancellationToken;
        Assert.Empty(await db.Database.GetPendingMigrationsAsync(ct));
        Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync(ct));
        Assert.True(await ArchiveDatabase.IsEmptyAsync(db, ct));
    }

    private static ArchiveDbContext Open(string connectionString, ConcurrentQueue<string> errors)
    {
        var options = new DbContextOptionsBuilder<ArchiveDbContext>();
        options.UseArchiveStore(ArchiveProvider.PostgreSql, connectionString, AppContext.BaseDirectory);
        options.LogTo(errors.Enqueue, LogLevel.Error);
        return new ArchiveDbContext(options.Options);
    }
}
