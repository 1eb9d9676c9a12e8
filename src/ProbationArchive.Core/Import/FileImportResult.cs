using ProbationArchive.Core.Parsing;

namespace ProbationArchive.Core.Import;

/// <summary>What importing one file did. A failed file changed nothing.</summary>
public sealed record FileImportResult(
    string Path,
    FileOutcome Outcome,
    IReadOnlyList<Diagnostic> Diagnostics,
    int PostsNew = 0,
    int PostsUpdated = 0,
    int PostsUnchanged = 0,
    int Comments = 0,
    string? Label = null)
{
    /// <summary>For a Blogger export, what it held of each kind.</summary>
    public Parsing.Blogger.BloggerExportCounts? Export { get; init; }

    public static FileImportResult Failed(string path, Diagnostic error) => new(path, FileOutcome.Failed, [error]);

    public static FileImportResult Failed(string path, IReadOnlyList<Diagnostic> diagnostics) => new(path, FileOutcome.Failed, diagnostics);

    public IEnumerable<string> Messages => Diagnostics.Select(d =>
        $"{Path}:{d.Line}: {d.Severity.ToString().ToLowerInvariant()} {d.Code}: {d.Message}");
}
