using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using ProbationArchive.Web.Tests.Support;

namespace ProbationArchive.Web.Tests.Reliability;

/// <summary>
/// How the app opens the archive for reading beside the import command: in WAL mode, where a
/// writer never blocks readers, and with a busy timeout for the rare moments something holds the
/// whole file (WAL recovery after a crash): Microsoft.Data.Sqlite retries a busy or locked
/// database for the command timeout, so a page waits rather than fails.
/// </summary>
public sealed class ArchiveConnectionTests(ArchiveWebFactory factory)
{
    [Fact]
    public async Task TheAppsConnection_IsInWalMode_AndWaitsThirtySecondsForABusyDatabase()
    {
        await factory.WithDatabaseAsync(async db =>
        {
            var connection = (SqliteConnection)db.Database.GetDbConnection();
            await db.Database.OpenConnectionAsync(TestContext.Current.CancellationToken);
            try
            {
                await using var command = connection.CreateCommand();
                command.CommandText = "PRAGMA journal_mode";
                Assert.Equal("wal", await command.ExecuteScalarAsync(TestContext.Current.CancellationToken));
                Assert.Equal(30, connection.DefaultTimeout);
                Assert.Equal(30, command.CommandTimeout);
                // EF Core leaves the command timeout to the connection unless told otherwise.
                Assert.Null(db.Database.GetCommandTimeout());
            }
            finally
            {
                await db.Database.CloseConnectionAsync();
            }
        });
    }
}
