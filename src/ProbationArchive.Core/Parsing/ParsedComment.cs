namespace ProbationArchive.Core.Parsing;

/// <param name="Line">The line the comment starts on.</param>
/// <param name="Text">The comment's text, indentation and numbering removed, inner blank lines kept.</param>
/// <param name="Replies">Replies to this comment, in page order.</param>
public sealed record ParsedComment(int Line, string Text, IReadOnlyList<ParsedComment> Replies);
