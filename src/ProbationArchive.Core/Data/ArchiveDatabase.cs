using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ProbationArchive.Core.Data;

/// <summary>Brings the archive's database up to date and, for SQLite, sets the file up for one writer beside many readers.</summary>
public static class ArchiveDatabase
{
    /// <summary>The advisory lock a PostgreSQL node holds while it migrates (the importer's is another).</summary>
    private const long MigrationLock = 0x5052_4F42_4D49_4752;

    public static async Task MigrateAsync(ArchiveDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (db.Database.GetDbConnection() is SqliteConnection { DataSource: { Length: > 0 } file } && Path.GetDirectoryName(file) is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
        }

        if (db.Database.IsNpgsql())
        {
            await MigratePostgreSqlAsync(db, cancellationToken);
            return;
        }

        await db.Database.MigrateAsync(cancellationToken);
        // WAL lets pages be read while an import writes; it is a property of the file, so once is enough.
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
    }

    /// <summary>
    /// Several nodes may start at once on one PostgreSQL database. EF Core's own migration lock
    /// does not keep them apart on a new one (two nodes both applied the migrations and one failed
    /// on a duplicate text search dictionary: PostgreSqlMigrationTests), so a session advisory lock
    /// holds the whole migration: one node applies them, the others then find them applied.
    /// Inside it the migrations history is created first, because Npgsql's migrator reads that
    /// table before it creates it and EF Core logs the read on a new database as a failed command
    /// (npgsql/efcore.pg#3407): an operator's first start showed an error for nothing.
    /// </summary>
    private static async Task MigratePostgreSqlAsync(ArchiveDbContext db, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_lock({MigrationLock})", cancellationToken);
            try
            {
                await db.Database.ExecuteSqlRawAsync(db.GetService<IHistoryRepository>().GetCreateIfNotExistsScript(), cancellationToken);
                await db.Database.MigrateAsync(cancellationToken);
            }
            finally
            {
                await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_unlock({MigrationLock})", CancellationToken.None);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    public static Task<bool> IsEmptyAsync(ArchiveDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return IsEmptyCoreAsync(db, cancellationToken);
    }

    private static async Task<bool> IsEmptyCoreAsync(ArchiveDbContext db, CancellationToken cancellationToken) =>
        !await db.Posts.AnyAsync(cancellationToken) && !await db.SourceFiles.AnyAsync(cancellationToken);
}
