using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using ProbationArchive.Core.Data;
using ProbationArchive.Core.Import.Blogger;
using ProbationArchive.Core.Import.Planning;
using ProbationArchive.Core.Parsing;
using ProbationArchive.Core.Search;

namespace ProbationArchive.Core.Import.Storage;

/// <summary>
/// One import run against the SQLite archive: it owns the connection and its settings, the
/// transaction that groups files (<see cref="CommitGroup"/>), each file's savepoint, the search
/// index's state (<see cref="SearchIndexDuringImport"/>), and the prepared statements that read
/// (<see cref="StoredPageReader"/>) and write (<see cref="PlanWriter"/>). Callers make one call per
/// file, then <see cref="CompleteAsync"/>; disposing it without completing rolls back the open group.
/// </summary>
internal sealed partial class ImportRun : IAsyncDisposable
{
    // Room for a whole group of files' changed pages, so SQLite writes each page once per commit.
    private const int CacheKibibytes = 64 * 1024;
    private const int DefaultCacheKibibytes = 2000;

    private readonly ArchiveDbContext _db;
    private readonly TimeProvider _clock;
    private readonly ILogger _logger;
    private readonly CommitGroup _group;
    private readonly SearchIndexDuringImport _index;
    private readonly StoredPageReader _reader;
    private readonly PlanWriter _writer;
    private readonly List<SearchEntryRow> _added = [];
    private readonly ExternalImageInventory _images;

    private ImportRun(ArchiveDbContext db, SqliteConnection connection, TimeProvider clock, ILogger logger, SearchIndexDuringImport index)
    {
        _db = db;
        _clock = clock;
        _logger = logger;
        _group = new CommitGroup(connection);
        _index = index;
        _reader = new StoredPageReader(connection);
        _writer = new PlanWriter(connection);
        _images = new ExternalImageInventory(connection.DataSource is { Length: > 0 } file && file != ":memory:" ? file : null);
    }

    public static async Task<ImportRun> StartAsync(ArchiveDbContext db, TimeProvider clock, ILogger logger, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        await db.Database.OpenConnectionAsync(cancellationToken);
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        // In WAL mode, NORMAL skips the fsync at each commit (the WAL is synced at checkpoints): a
        // power cut can lose the last groups, never corrupt the archive; re-running restores them.
        SqliteStatement.Run(connection, "PRAGMA synchronous = NORMAL");
        SqliteStatement.Run(connection, $"PRAGMA cache_size = -{CacheKibibytes}");
        // Each file's savepoint keeps the pages it changes in a sub-journal: in memory, not a temporary file.
        SqliteStatement.Run(connection, "PRAGMA temp_store = MEMORY");
        var index = await SearchIndexDuringImport.StartAsync(connection, cancellationToken);
        return new ImportRun(db, connection, clock, logger, index);
    }

    /// <summary>Stores one file all or nothing, or says why not; throws only when a group cannot commit.</summary>
    public async Task<FileImportResult> ImportAsync(PreparedFile file, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(file);
        cancellationToken.ThrowIfCancellationRequested();
        if (file.Content.Error is { } unreadable)
        {
            return FileImportResult.Failed(file.Path, unreadable);
        }

        var stored = _reader.FindFile(file.Path);
        if (stored?.ContentHash == file.Content.Hash)
        {
            return new FileImportResult(file.Path, FileOutcome.Unchanged, [], PostsUnchanged: stored.Posts, Label: stored.Label);
        }

        if (file.Content.IsExport)
        {
            return await ImportExportAsync(file, stored, cancellationToken);
        }

        var page = file.Page!;
        if (page.HasErrors)
        {
            return FileImportResult.Failed(file.Path, page.Diagnostics);
        }

        _index.BeforeStore();
        _group.BeginFile();
        PagePlan plan;
        try
        {
            plan = ImportPlanner.Plan(new PageImport(file.Path, file.Content.Hash, _clock.GetUtcNow().UtcDateTime, page), _reader.Read(page, stored));
            _added.Clear();
            _writer.Write(plan, _index.IsBuildingAlongside ? _added : null);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Whatever went wrong, the file's savepoint is undone: the store is as it was before it.
            _group.FailFile();
            _logger.LogError(e, "Storing {File} failed; nothing from it was kept", file.Path);
            return FileImportResult.Failed(file.Path, new Diagnostic(1, DiagnosticSeverity.Error, "store-failed", e.GetBaseException().Message));
        }

        _group.CompleteFile();
        await _index.AfterStoreAsync(plan.OnlyAdds ? _added : null, cancellationToken);
        return new FileImportResult(
            file.Path,
            plan.Warnings.Count == 0 ? FileOutcome.Imported : FileOutcome.ImportedWithWarnings,
            page.Diagnostics,
            plan.Content.Posts.Count(p => p.Change == PostChange.New),
            plan.Content.Posts.Count(p => p.Change == PostChange.Updated),
            plan.Content.Posts.Count(p => p.Change == PostChange.Unchanged),
            page.Posts.Sum(p => p.CommentCount),
            page.Label);
    }

    /// <summary>Commits the open group and brings the search index up to date.</summary>
    /// <returns>How long bringing the index up to date took (null when the run kept it in step), and whether it was built alongside.</returns>
    public async Task<(TimeSpan? Time, bool BuiltAlongside)> CompleteAsync(CancellationToken cancellationToken)
    {
        _group.Commit();
        var builtAlongside = _index.IsBuildingAlongside;
        if (_index.IsSuspended)
        {
            _logger.LogInformation("Bringing the full-text search index up to date: {Method}",
                builtAlongside ? "installing the index built during the import" : "rebuilding it from the posts and comments");
        }

        var time = await _index.FinishAsync(cancellationToken);
        await _images.WriteAsync(cancellationToken);
        return (time, builtAlongside);
    }

    public async ValueTask DisposeAsync()
    {
        _group.RollBack();
        _writer.Dispose();
        _reader.Dispose();
        await _index.DisposeAsync();
        var connection = (SqliteConnection)_db.Database.GetDbConnection();
        // Back to SQLite's defaults before the connection returns to the pool for other work.
        SqliteStatement.Run(connection, "PRAGMA synchronous = FULL");
        SqliteStatement.Run(connection, $"PRAGMA cache_size = -{DefaultCacheKibibytes}");
        SqliteStatement.Run(connection, "PRAGMA temp_store = DEFAULT");
        await _db.Database.CloseConnectionAsync();
    }
}
