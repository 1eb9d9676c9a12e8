using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ProbationArchive.Core.Archive;
using ProbationArchive.Core.Data;
using ProbationArchive.Core.Parsing;

namespace ProbationArchive.Core.Import;

/// <summary>
/// Imports saved pages, each file in its own transaction: a file that cannot be read or parsed,
/// or fails to store, changes nothing and does not stop the others. A file whose bytes are the
/// same as at its last import is skipped.
/// </summary>
public sealed class ArchiveImporter(
    ArchiveDbContext db,
    IOptions<ImportOptions> options,
    TimeProvider clock,
    ILogger<ArchiveImporter> logger)
{
    private sealed record StoredFile(int Id, string ContentHash, int Posts, string? Label);

    private static readonly Func<ArchiveDbContext, string, CancellationToken, Task<StoredFile?>> FindStoredFile =
        EF.CompileAsyncQuery((ArchiveDbContext db, string path, CancellationToken _) => db.SourceFiles
            .Where(s => s.Path == path)
            .Select(s => new StoredFile(s.Id, s.ContentHash, s.Posts.Count, s.Label))
            .SingleOrDefault());

    public async Task<ImportSummary> ImportAsync(IEnumerable<string> paths, IProgress<FileImportResult>? progress, CancellationToken cancellationToken)
    {
        var summary = new ImportSummary();
        await using var session = await ImportConnection.OpenAsync(db, cancellationToken);
        await using var searchIndex = await SearchIndexDeferral.StartAsync(db, cancellationToken);
        await using var newThreads = new NewThreadWriter(db);
        await using var directPages = new DirectPageWriter(db, newThreads);
        await using var batch = new ImportBatch(db);
        var work = new FileWork(searchIndex, newThreads, directPages, batch);

        // Label pages wait for the posts' own pages: a post is then usually new when its own page
        // comes (stored by direct inserts) and the label page only adds links to it, where the
        // other order stores each post twice. The result is the same either way (docs/import.md).
        var labelPages = new List<ImportPathExpander.Entry>();
        await foreach (var file in PageReadAhead.ReadAsync(ImportPathExpander.Expand(paths), options.Value.MaxFileBytes, cancellationToken))
        {
            if (file.Page is { Kind: PageKind.LabelPage, HasErrors: false })
            {
                labelPages.Add(new ImportPathExpander.Entry(file.Path, null));
                continue;
            }

            Report(await ImportFileAsync(file, work, cancellationToken));
        }

        await foreach (var file in PageReadAhead.ReadAsync(labelPages, options.Value.MaxFileBytes, cancellationToken))
        {
            Report(await ImportFileAsync(file, work, cancellationToken));
        }

        await batch.CommitAsync(cancellationToken);

        if (searchIndex.IsSuspended)
        {
            summary.SearchIndexBuiltAlongside = searchIndex.IsBuildingAlongside;
            logger.LogInformation("Bringing the full-text search index up to date: {Method}",
                searchIndex.IsBuildingAlongside ? "installing the index built during the import" : "rebuilding it from the posts and comments");
            summary.SearchIndexRebuildTime = await searchIndex.FinishAsync(cancellationToken);
            logger.LogInformation("Search index up to date in {Seconds:F1} s", summary.SearchIndexRebuildTime?.TotalSeconds);
        }

        return summary;

        void Report(FileImportResult result)
        {
            summary.Add(result);
            progress?.Report(result);
        }
    }

    /// <summary>What a run shares between its files.</summary>
    private sealed record FileWork(SearchIndexDeferral SearchIndex, NewThreadWriter NewThreads, DirectPageWriter DirectPages, ImportBatch Batch);

    private async Task<FileImportResult> ImportFileAsync(PreparedFile file, FileWork work, CancellationToken cancellationToken)
    {
        var path = file.Path;
        if (file.Content.Error is not null)
        {
            return Log(FileImportResult.Failed(path, file.Content.Error));
        }

        try
        {
            var stored = await FindStoredFile(db, path, cancellationToken);
            if (stored?.ContentHash == file.Content.Hash)
            {
                return Log(new FileImportResult(path, FileOutcome.Unchanged, [], PostsUnchanged: stored.Posts, Label: stored.Label));
            }

            var page = file.Page!;
            if (page.HasErrors)
            {
                return Log(FileImportResult.Failed(path, page.Diagnostics));
            }

            await work.SearchIndex.BeforeStoreAsync(cancellationToken);
            await work.Batch.BeginFileAsync(cancellationToken);
            var source = stored is null
                ? null
                : await db.SourceFiles.Include(s => s.Posts).Include(s => s.Diagnostics).AsSplitQuery().SingleAsync(s => s.Id == stored.Id, cancellationToken);
            var (result, direct) = await StoreAsync(path, file.Content.Hash, source, page, work, cancellationToken);
            await work.Batch.CompleteFileAsync(cancellationToken);
            await work.SearchIndex.AfterStoreAsync(direct ? work.DirectPages.SearchEntries : null, cancellationToken);
            return Log(result);
        }
        catch (Exception e) when (e is not OperationCanceledException and not ImportCommitFailedException)
        {
            // Whatever went wrong, the file's savepoint is undone: the store is as it was.
            await work.Batch.FailFileAsync(cancellationToken);
            logger.LogError(e, "Storing {File} failed; nothing from it was kept", path);
            return Log(FileImportResult.Failed(path, new Diagnostic(1, DiagnosticSeverity.Error, "store-failed", e.GetBaseException().Message)));
        }
        finally
        {
            db.ChangeTracker.Clear();
            work.NewThreads.Clear();
        }
    }

    /// <returns>What was stored, and whether <see cref="DirectPageWriter"/> stored it.</returns>
    private async Task<(FileImportResult Result, bool Direct)> StoreAsync(string path, string hash, SourceFile? source, ParsedPage page, FileWork work, CancellationToken cancellationToken)
    {
        var isNewFile = source is null;
        source ??= new SourceFile { Path = path, ContentHash = hash };
        var previousLabel = source.Label;
        var warnings = page.Warnings.ToList();
        source.ContentHash = hash;
        source.ImportedAtUtc = clock.GetUtcNow().UtcDateTime;
        source.Outcome = warnings.Count == 0 ? ImportOutcome.Imported : ImportOutcome.ImportedWithWarnings;
        source.PageKind = page.Kind;
        source.Label = page.Label;
        source.Diagnostics.Clear();
        source.Diagnostics.AddRange(warnings.Select(w => new ImportDiagnostic { Line = w.Line, Severity = w.Severity, Code = w.Code, Message = w.Message }));

        PageWriter.Counts counts;
        var direct = false;
        var keys = page.Posts.Select(PostIdentity.KeyFor).ToList();
        if (isNewFile && options.Value.InsertNewPagesDirectly && await work.DirectPages.PlanAsync(page, keys, cancellationToken) is { } stored)
        {
            counts = await work.DirectPages.WriteAsync(source, page, keys, stored, cancellationToken);
            direct = true;
        }
        else
        {
            if (isNewFile)
            {
                db.SourceFiles.Add(source);
            }

            var writer = new PageWriter(db, work.NewThreads);
            counts = await writer.WriteAsync(source, page, previousLabel, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await writer.WriteNewThreadsAsync(cancellationToken);
        }

        return (new FileImportResult(
            path,
            warnings.Count == 0 ? FileOutcome.Imported : FileOutcome.ImportedWithWarnings,
            page.Diagnostics,
            counts.New,
            counts.Updated,
            counts.Unchanged,
            page.Posts.Sum(p => p.CommentCount),
            page.Label), direct);
    }

    private FileImportResult Log(FileImportResult result)
    {
        foreach (var diagnostic in result.Diagnostics)
        {
            logger.Log(
                diagnostic.Severity == DiagnosticSeverity.Error ? LogLevel.Error : LogLevel.Warning,
                "{File}:{Line}: {Severity} {Code}: {Message}",
                result.Path, diagnostic.Line, diagnostic.Severity, diagnostic.Code, diagnostic.Message);
        }

        if (!logger.IsEnabled(LogLevel.Debug))
        {
            return result;
        }

        logger.LogDebug("{File}: {Outcome}, posts {New} new, {Updated} updated, {Unchanged} unchanged, {Comments} comments",
            result.Path, result.Outcome, result.PostsNew, result.PostsUpdated, result.PostsUnchanged, result.Comments);
        return result;
    }
}
