using ProbationArchive.Core.Parsing.Blogger;

namespace ProbationArchive.Core.Parsing;

/// <param name="Line">The line the comment starts on.</param>
/// <param name="Text">The comment's text, indentation and numbering removed, inner blank lines kept.</param>
/// <param name="Replies">Replies to this comment, in page order.</param>
public sealed record ParsedComment(int Line, string Text, IReadOnlyList<ParsedComment> Replies)
{
    /// <summary>What a Blogger export adds; null for a comment from a saved page. <see cref="Text"/> is then sanitised HTML.</summary>
    public BloggerCommentDetails? Blogger { get; init; }
}
