namespace ProbationArchive.Core.Parsing;

/// <summary>What a page holds. A page with any error holds no posts.</summary>
public sealed record ParsedPage(
    PageKind Kind,
    string? Label,
    IReadOnlyList<ParsedPost> Posts,
    IReadOnlyList<Diagnostic> Diagnostics)
{
    public bool HasErrors => Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error);

    public IEnumerable<Diagnostic> Warnings => Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Warning);

    internal static ParsedPage Failed(IReadOnlyList<Diagnostic> diagnostics) =>
        new(PageKind.Unknown, null, [], diagnostics);
}
