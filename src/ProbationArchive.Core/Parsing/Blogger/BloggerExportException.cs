namespace ProbationArchive.Core.Parsing.Blogger;

/// <summary>The export cannot be read at all (malformed or truncated XML, a DTD, not an Atom feed): it is refused whole.</summary>
public sealed class BloggerExportException(Diagnostic diagnostic, Exception? inner = null) : Exception(diagnostic.Message, inner)
{
    public Diagnostic Diagnostic { get; } = diagnostic;
}
