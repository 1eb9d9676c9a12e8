namespace ProbationArchive.Core.Parsing;

/// <summary>A problem found in a page, with the 1-based line it was found on.</summary>
public sealed record Diagnostic(int Line, DiagnosticSeverity Severity, string Code, string Message)
{
    public override string ToString() => $"line {Line}: {Severity.ToString().ToLowerInvariant()} {Code}: {Message}";
}
