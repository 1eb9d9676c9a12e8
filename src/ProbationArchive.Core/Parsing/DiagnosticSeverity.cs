namespace ProbationArchive.Core.Parsing;

public enum DiagnosticSeverity
{
    Warning,
    Error,
}
