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
    public async Task<ImportSummary> ImportAsync(IEnumerable<string> paths, IProgress<FileImportResult>? progress, CancellationToken cancellationToken)
    {
        var summary = new ImportSummary();
        await using var session = await ImportConnection.OpenAsync(db, cancellationToken);
        foreach (var entry in ImportPathExpander.Expand(paths))
        {
            var result = entry.Error is null
                ? await ImportFileAsync(entry.Path, cancellationToken)
                : FileImportResult.Failed(entry.Path, entry.Error);
            summary.Add(result);
            progress?.Report(result);
        }

        return summary;
    }

    public async Task<FileImportResult> ImportFileAsync(string path, CancellationToken cancellationToken)
    {
        path = Path.GetFullPath(path);
        var content = await SourceFileReader.ReadAsync(path, options.Value.MaxFileBytes, cancellationToken);
        if (content.Error is not null)
        {
            return Log(FileImportResult.Failed(path, content.Error));
        }

        try
        {
            var source = await db.SourceFiles.Include(s => s.Posts).Include(s => s.Diagnostics).AsSplitQuery()
                .SingleOrDefaultAsync(s => s.Path == path, cancellationToken);
            if (source?.ContentHash == content.Hash)
            {
                return Log(new FileImportResult(path, FileOutcome.Unchanged, [], PostsUnchanged: source.Posts.Count, Label: source.Label));
            }

            var page = BlogPageParser.Parse(content.Text!);
            if (page.HasErrors)
            {
                return Log(FileImportResult.Failed(path, page.Diagnostics));
            }

            return Log(await StoreAsync(path, content.Hash, source, page, cancellationToken));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Whatever went wrong, the transaction was not committed: the store is as it was.
            logger.LogError(e, "Storing {File} failed; nothing from it was kept", path);
            return Log(FileImportResult.Failed(path, new Diagnostic(1, DiagnosticSeverity.Error, "store-failed", e.GetBaseException().Message)));
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    private async Task<FileImportResult> StoreAsync(string path, string hash, SourceFile? source, ParsedPage page, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (source is null)
        {
            source = new SourceFile { Path = path, ContentHash = hash };
            db.SourceFiles.Add(source);
        }

        var previousLabel = source.Label;
        var warnings = page.Warnings.ToList();
        source.ContentHash = hash;
        source.ImportedAtUtc = clock.GetUtcNow().UtcDateTime;
        source.Outcome = warnings.Count == 0 ? ImportOutcome.Imported : ImportOutcome.ImportedWithWarnings;
        source.PageKind = page.Kind;
        source.Label = page.Label;
        source.Diagnostics.Clear();
        source.Diagnostics.AddRange(warnings.Select(w => new ImportDiagnostic { Line = w.Line, Severity = w.Severity, Code = w.Code, Message = w.Message }));

        var writer = new PageWriter(db);
        var counts = await writer.WriteAsync(source, page, previousLabel, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await writer.WriteNewThreadsAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new FileImportResult(
            path,
            warnings.Count == 0 ? FileOutcome.Imported : FileOutcome.ImportedWithWarnings,
            page.Diagnostics,
            counts.New,
            counts.Updated,
            counts.Unchanged,
            page.Posts.Sum(p => p.CommentCount),
            page.Label);
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

        logger.LogDebug("{File}: {Outcome}, posts {New} new, {Updated} updated, {Unchanged} unchanged, {Comments} comments",
            result.Path, result.Outcome, result.PostsNew, result.PostsUpdated, result.PostsUnchanged, result.Comments);
        return result;
    }
}
