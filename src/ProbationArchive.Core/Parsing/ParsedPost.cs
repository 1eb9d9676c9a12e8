using ProbationArchive.Core.Parsing.Blogger;

namespace ProbationArchive.Core.Parsing;

/// <param name="Line">The line the post starts on (its date line, or its first body line when undated).</param>
/// <param name="Date">The date line's date; null for an undated post.</param>
/// <param name="Title">The title line, or a title derived from the body when <paramref name="TitleIsDerived"/>.</param>
/// <param name="Body">The body's source text, lines joined with '\n', outer blank lines trimmed.</param>
/// <param name="DeclaredCommentCount">The "N comments:" figure, when the page states one.</param>
/// <param name="Comments">Top-level comments in page order, each holding its replies.</param>
public sealed record ParsedPost(
    int Line,
    DateOnly? Date,
    string Title,
    bool TitleIsDerived,
    string Body,
    int? DeclaredCommentCount,
    IReadOnlyList<ParsedComment> Comments)
{
    /// <summary>What a Blogger export adds; null for a post from a saved page. <see cref="Body"/> is then sanitised HTML.</summary>
    public BloggerPostDetails? Blogger { get; init; }

    public int CommentCount => Comments.Sum(c => 1 + CountReplies(c));

    private static int CountReplies(ParsedComment comment) => comment.Replies.Sum(r => 1 + CountReplies(r));
}
