namespace ProbationArchive.Core.Import;

/// <summary>Totals over an import run.</summary>
public sealed class ImportSummary
{
    private readonly HashSet<string> _labels = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<FileImportResult> _failures = [];

    public int FilesRead { get; private set; }

    public int FilesImported { get; private set; }

    public int FilesUnchanged { get; private set; }

    public int PostsNew { get; private set; }

    public int PostsUpdated { get; private set; }

    public int PostsUnchanged { get; private set; }

    public int Comments { get; private set; }

    public int Labels => _labels.Count;

    public int Warnings { get; private set; }

    public IReadOnlyList<FileImportResult> Failures => _failures;

    /// <summary>
    /// Set when the run brought the search index up to date at its end rather than row by row:
    /// how long the rebuild took, or the install of the index built during the run (docs/import.md).
    /// </summary>
    public TimeSpan? SearchIndexRebuildTime { get; set; }

    /// <summary>The index was built during the run, beside the archive, and installed at its end.</summary>
    public bool SearchIndexBuiltAlongside { get; set; }

    public bool Succeeded => _failures.Count == 0;

    /// <summary>What the run's Blogger exports held, by kind; all zero when it imported none.</summary>
    public Parsing.Blogger.BloggerExportCounts Export { get; } = new();

    public void Add(FileImportResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        FilesRead++;
        switch (result.Outcome)
        {
            case FileOutcome.Failed:
                _failures.Add(result);
                return;
            case FileOutcome.Unchanged:
                FilesUnchanged++;
                break;
            default:
                FilesImported++;
                break;
        }

        PostsNew += result.PostsNew;
        PostsUpdated += result.PostsUpdated;
        PostsUnchanged += result.PostsUnchanged;
        Comments += result.Comments;
        Warnings += result.Diagnostics.Count(d => d.Severity == Parsing.DiagnosticSeverity.Warning);
        if (result.Label is not null)
        {
            _labels.Add(result.Label);
        }

        if (result.Export is { } export)
        {
            Export.Add(export);
            _labels.UnionWith(export.Labels);
        }
    }
}
