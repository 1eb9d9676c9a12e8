using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace ProbationArchive.Core.Data;

/// <summary>Brings the archive's database up to date and, for SQLite, sets the file up for one writer beside many readers.</summary>
public static class ArchiveDatabase
{
    public static async Task MigrateAsync(ArchiveDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (db.Database.GetDbConnection() is SqliteConnection { DataSource: { Length: > 0 } file } && Path.GetDirectoryName(file) is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
        }

        // Several nodes may start at once on one PostgreSQL database: EF Core holds a lock on the
        // migrations history while it migrates, so one applies them and the others find them applied.
        await db.Database.MigrateAsync(cancellationToken);
        if (db.Database.IsSqlite())
        {
            // WAL lets pages be read while an import writes; it is a property of the file, so once is enough.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
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
