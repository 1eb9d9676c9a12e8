using Microsoft.EntityFrameworkCore;
using ProbationArchive.Core.Data;

namespace ProbationArchive.Core.Import;

/// <summary>
/// Holds the context's connection open for a whole import run and sets it up for many small
/// transactions. In WAL mode, <c>synchronous=NORMAL</c> skips the fsync at each commit (the WAL is
/// synced at checkpoints): a power cut can lose the last files' commits, never corrupt the archive,
/// and re-running the import restores them. Each file is still its own transaction.
/// </summary>
internal sealed class ImportConnection : IAsyncDisposable
{
    private const int CacheKibibytes = 64 * 1024;
    private const int DefaultCacheKibibytes = 2000;
    private readonly ArchiveDbContext _db;

    private ImportConnection(ArchiveDbContext db) => _db = db;

    public static async Task<ImportConnection> OpenAsync(ArchiveDbContext db, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        await db.Database.ExecuteSqlRawAsync("PRAGMA synchronous=NORMAL;", cancellationToken);
        // Room for a whole batch of files' changed pages (ImportBatch), so SQLite writes each page once per commit instead of spilling it mid-batch.
        await db.Database.ExecuteSqlRawAsync($"PRAGMA cache_size=-{CacheKibibytes};", cancellationToken);
        return new ImportConnection(db);
    }

    public async ValueTask DisposeAsync()
    {
        // Back to SQLite's default before the connection returns to the pool for other work.
        await _db.Database.ExecuteSqlRawAsync("PRAGMA synchronous=FULL;");
        await _db.Database.ExecuteSqlRawAsync($"PRAGMA cache_size=-{DefaultCacheKibibytes};");
        await _db.Database.CloseConnectionAsync();
    }
}
