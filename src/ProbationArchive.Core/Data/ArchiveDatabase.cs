using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace ProbationArchive.Core.Data;

/// <summary>Brings a database file up to date and sets it up for one writer beside many readers.</summary>
public static class ArchiveDatabase
{
    public static async Task MigrateAsync(ArchiveDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (db.Database.GetDbConnection() is SqliteConnection { DataSource: { Length: > 0 } file } && Path.GetDirectoryName(file) is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
        }

        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            // Takes effect only in a new file, before its first table: a comment row is about half a
            // kilobyte, and 16 KiB pages leave a third as much of each page unused as 4 KiB ones do.
            await db.Database.ExecuteSqlRawAsync("PRAGMA page_size=16384;", cancellationToken);
            await db.Database.MigrateAsync(cancellationToken);
            // WAL lets pages be read while an import writes; it is a property of the file, so once is enough.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
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
