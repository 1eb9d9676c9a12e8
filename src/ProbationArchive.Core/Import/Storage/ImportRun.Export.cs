using Microsoft.Extensions.Logging;
using ProbationArchive.Core.Import.Blogger;
using ProbationArchive.Core.Import.Planning;
using ProbationArchive.Core.Parsing;
using ProbationArchive.Core.Parsing.Blogger;

namespace ProbationArchive.Core.Import.Storage;

/// <summary>A Blogger export: one file, stored all or nothing in its own savepoint like a saved page, a post at a time.</summary>
internal sealed partial class ImportRun
{
    private async Task<FileImportResult> ImportExportAsync(PreparedFile file, StoredPageReader.FileRecord? stored, CancellationToken cancellationToken)
    {
        var diagnostics = new List<Diagnostic>();
        var counts = new BloggerExportCounts();
        using var scratch = new ExportScratch();
        try
        {
            await using var export = File.OpenRead(file.Path);
            scratch.Fill(export, diagnostics, counts);
        }
        catch (BloggerExportException e)
        {
            return FileImportResult.Failed(file.Path, e.Diagnostic);
        }
        catch (IOException e)
        {
            return FileImportResult.Failed(file.Path, new Diagnostic(1, DiagnosticSeverity.Error, "unreadable", $"cannot read the file: {e.Message}"));
        }

        _index.BeforeStore();
        _group.BeginFile();
        int added = 0, updated = 0, unchanged = 0;
        var comments = 0;
        try
        {
            var now = _clock.GetUtcNow().UtcDateTime;
            var storedFile = stored is null ? null : _reader.StoredFile(stored);
            var firstRow = ImportPlanner.PlanExportFile(file.Path, file.Content.Hash, now, [], storedFile, new HashSet<int>()).File;
            var fileId = _writer.WriteFile(firstRow, []);
            var held = new HashSet<int>();
            var position = 0;
            foreach (var post in scratch.Posts(diagnostics))
            {
                var page = _reader.ReadExportPost(post, storedFile);
                var plan = ImportPlanner.PlanExportPost(post, position++, page);
                _added.Clear();
                held.UnionWith(_writer.WritePosts(fileId, plan, _index.IsBuildingAlongside ? _added : null));
                await _index.AfterStoreAsync(plan.OnlyAdds ? _added : null, cancellationToken);
                _ = plan.Posts[0].Change switch
                {
                    PostChange.New => ++added,
                    PostChange.Updated => ++updated,
                    _ => ++unchanged,
                };
                comments += post.CommentCount;
                _images.Note(post, plan.Posts[0].Row?.Permalink ?? page.Posts.FirstOrDefault(p => p.Row.BloggerId == post.Blogger!.Id)?.Row.Permalink);
            }

            var last = ImportPlanner.PlanExportFile(file.Path, file.Content.Hash, now, diagnostics, storedFile, held);
            _writer.WriteFile(last.File with { Id = fileId }, last.Warnings);
            _writer.WriteRemovals(fileId, last.Removals);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            _group.FailFile();
            // The index built alongside took rows that are now undone: it is given up for a rebuild.
            await _index.AfterStoreAsync(null, cancellationToken);
            _images.Forget();
            _logger.LogError(e, "Storing {File} failed; nothing from it was kept", file.Path);
            return FileImportResult.Failed(file.Path, new Diagnostic(1, DiagnosticSeverity.Error, "store-failed", e.GetBaseException().Message));
        }

        _group.CompleteFile();
        _images.Keep();
        return new FileImportResult(
            file.Path,
            diagnostics.Count == 0 ? FileOutcome.Imported : FileOutcome.ImportedWithWarnings,
            diagnostics,
            added,
            updated,
            unchanged,
            comments)
        {
            Export = counts,
        };
    }
}
