using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using ProbationArchive.Core.Data;

namespace ProbationArchive.Core.Import.Storage;

/// <summary>
/// An import run's hold on the SQLite archive: its connection with the run's settings (restored
/// when disposed, before the connection returns to the pool), SQLitePCL statements that read and
/// write, and the FTS5 index that may be built alongside or rebuilt at the end.
/// </summary>
internal sealed class SqliteImportStore : IImportStore
{
    // Room for a whole group of files' changed pages, so SQLite writes each page once per commit.
    private const int CacheKibibytes = 64 * 1024;
    private const int DefaultCacheKibibytes = 2000;

    private readonly ArchiveDbContext _db;
    private readonly SqliteConnection _connection;

    private SqliteImportStore(ArchiveDbContext db, SqliteConnection connection, SearchIndexDuringImport index)
    {
        _db = db;
        _connection = connection;
        Index = index;
        Reader = new StoredPageReader(connection);
        Writer = new PlanWriter(connection);
        Group = new CommitGroup(
            sql => SqliteStatement.Run(connection, sql),
            () => connection.Handle is { } handle && SQLitePCL.raw.sqlite3_get_autocommit(handle) == 0);
        ImageInventoryPath = connection.DataSource is { Length: > 0 } file && file != ":memory:" ? file + ".external-images.tsv" : null;
    }

    public IStoredPageReader Reader { get; }

    public IPlanWriter Writer { get; }

    public CommitGroup Group { get; }

    public ISearchIndexDuringImport Index { get; }

    public string? ImageInventoryPath { get; }

    public static async Task<SqliteImportStore> OpenAsync(ArchiveDbContext db, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        // In WAL mode, NORMAL skips the fsync at each commit (the WAL is synced at checkpoints): a
        // power cut can lose the last groups, never corrupt the archive; re-running restores them.
        SqliteStatement.Run(connection, "PRAGMA synchronous = NORMAL");
        SqliteStatement.Run(connection, $"PRAGMA cache_size = -{CacheKibibytes}");
        // Each file's savepoint keeps the pages it changes in a sub-journal: in memory, not a temporary file.
        SqliteStatement.Run(connection, "PRAGMA temp_store = MEMORY");
        var index = await SearchIndexDuringImport.StartAsync(connection, cancellationToken);
        return new SqliteImportStore(db, connection, index);
    }

    public async ValueTask DisposeAsync()
    {
        Group.RollBack();
        Writer.Dispose();
        Reader.Dispose();
        await Index.DisposeAsync();
        // Back to SQLite's defaults before the connection returns to the pool for other work.
        SqliteStatement.Run(_connection, "PRAGMA synchronous = FULL");
        SqliteStatement.Run(_connection, $"PRAGMA cache_size = -{DefaultCacheKibibytes}");
        SqliteStatement.Run(_connection, "PRAGMA temp_store = DEFAULT");
        await _db.Database.CloseConnectionAsync();
    }
}
