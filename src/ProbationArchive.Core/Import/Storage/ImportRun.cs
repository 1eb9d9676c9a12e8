using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using ProbationArchive.Core.Data;
using ProbationArchive.Core.Import.Blogger;
using ProbationArchive.Core.Import.Storage.PostgreSql;
using ProbationArchive.Core.Import.Planning;
using ProbationArchive.Core.Parsing;
using ProbationArchive.Core.Search;

namespace ProbationArchive.Core.Import.Storage;

/// <summary>
/// One import run: the rules of storing a file (skip it unchanged, refuse it unread or unparsed,
/// plan it against what is stored, write the plan in its own savepoint, roll it back alone when
/// writing fails, report it) over the archive's store (<see cref="IImportStore"/>: SQLite's or
/// PostgreSQL's), which owns the connection and its settings, the transaction that groups files
/// (<see cref="CommitGroup"/>), each file's savepoint, the search index's state, and the
/// statements that read (<see cref="IStoredPageReader"/>) and write (<see cref="IPlanWriter"/>).
/// Callers make one call per file, then <see cref="CompleteAsync"/>; disposing it without
/// completing rolls back the open group.
/// </summary>
internal sealed partial class ImportRun : IAsyncDisposable
{
    private readonly IImportStore _store;
    private readonly TimeProvider _clock;
    private readonly ILogger _logger;
    private readonly CommitGroup _group;
    private readonly ISearchIndexDuringImport _index;
    private readonly IStoredPageReader _reader;
    private readonly IPlanWriter _writer;
    private readonly List<SearchEntryRow> _added = [];
    private readonly ExternalImageInventory _images;

    private ImportRun(IImportStore store, TimeProvider clock, ILogger logger)
    {
        _store = store;
        _clock = clock;
        _logger = logger;
        _group = store.Group;
        _index = store.Index;
        _reader = store.Reader;
        _writer = store.Writer;
        _images = new ExternalImageInventory(store.ImageInventoryPath);
    }

    public static async Task<ImportRun> StartAsync(ArchiveDbContext db, TimeProvider clock, ILogger logger, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        IImportStore store = db.Database.IsNpgsql()
            ? await PostgreSqlImportStore.OpenAsync(db, cancellationToken)
            : await SqliteImportStore.OpenAsync(db, cancellationToken);
        return new ImportRun(store, clock, logger);
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

    public ValueTask DisposeAsync() => _store.DisposeAsync();
}
