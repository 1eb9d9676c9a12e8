using ProbationArchive.Core.Parsing;

namespace ProbationArchive.Core.Archive;

/// <summary>A saved page that was imported: where it was, what it held, and what the parser said of it.</summary>
public sealed class SourceFile
{
    public int Id { get; set; }

    /// <summary>The full path the file was imported from.</summary>
    public required string Path { get; set; }

    /// <summary>SHA-256 of the file's bytes, lower-case hex.</summary>
    public required string ContentHash { get; set; }

    public DateTime ImportedAtUtc { get; set; }

    public ImportOutcome Outcome { get; set; }

    public PageKind PageKind { get; set; }

    /// <summary>The label a label page is for; null on other pages.</summary>
    public string? Label { get; set; }

    public List<ImportDiagnostic> Diagnostics { get; } = [];

    public List<PostSource> Posts { get; } = [];
}
