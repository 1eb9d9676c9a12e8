using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ProbationArchive.Core.Data;
using ProbationArchive.Core.Import.Storage;
using ProbationArchive.Core.Parsing;

namespace ProbationArchive.Core.Import;

/// <summary>
/// Imports saved pages: expands the paths into files, reads and parses them ahead on another
/// thread, and stores each all or nothing through one <see cref="ImportRun"/>, which plans the
/// file against what the archive holds and writes the plan (docs/import.md follows one file from
/// disk to its rows). A file that cannot be read, parsed or stored changes nothing and does not
/// stop the others; a file whose bytes are the same as at its last import is skipped.
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
        var maxBytes = options.Value.MaxFileBytes;
        await using var run = await ImportRun.StartAsync(db, clock, logger, cancellationToken);

        // Label pages wait for the posts' own pages: a post is then usually new when its own page
        // comes and the label page only links it, where the other order stores each post twice.
        // The result is the same either way (docs/import.md).
        var labelPages = new List<ImportPathExpander.Entry>();
        await foreach (var file in PageReadAhead.ReadAsync(ImportPathExpander.Expand(paths), maxBytes, cancellationToken))
        {
            if (file.Page is { Kind: PageKind.LabelPage, HasErrors: false })
            {
                labelPages.Add(new ImportPathExpander.Entry(file.Path, null));
                continue;
            }

            Report(await run.ImportAsync(file, cancellationToken));
        }

        await foreach (var file in PageReadAhead.ReadAsync(labelPages, maxBytes, cancellationToken))
        {
            Report(await run.ImportAsync(file, cancellationToken));
        }

        (summary.SearchIndexRebuildTime, summary.SearchIndexBuiltAlongside) = await run.CompleteAsync(cancellationToken);
        if (summary.SearchIndexRebuildTime is { } time)
        {
            logger.LogInformation("Search index up to date in {Seconds:F1} s", time.TotalSeconds);
        }

        return summary;

        void Report(FileImportResult result)
        {
            Log(result);
            summary.Add(result);
            progress?.Report(result);
        }
    }

    private void Log(FileImportResult result)
    {
        foreach (var diagnostic in result.Diagnostics)
        {
            logger.Log(
                diagnostic.Severity == DiagnosticSeverity.Error ? LogLevel.Error : LogLevel.Warning,
                "{File}:{Line}: {Severity} {Code}: {Message}",
                result.Path, diagnostic.Line, diagnostic.Severity, diagnostic.Code, diagnostic.Message);
        }

        if (logger.IsEnabled(LogLevel.Debug))
        {
            logger.LogDebug("{File}: {Outcome}, posts {New} new, {Updated} updated, {Unchanged} unchanged, {Comments} comments",
                result.Path, result.Outcome, result.PostsNew, result.PostsUpdated, result.PostsUnchanged, result.Comments);
        }
    }
}
