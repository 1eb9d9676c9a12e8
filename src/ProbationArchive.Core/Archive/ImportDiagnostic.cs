using ProbationArchive.Core.Parsing;

namespace ProbationArchive.Core.Archive;

/// <summary>A warning the parser gave for a stored source file.</summary>
public sealed class ImportDiagnostic
{
    public int Id { get; set; }

    public int SourceFileId { get; set; }

    public int Line { get; set; }

    public DiagnosticSeverity Severity { get; set; }

    public required string Code { get; set; }

    public required string Message { get; set; }
}
