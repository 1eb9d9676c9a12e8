namespace ProbationArchive.Web.Reading;

/// <summary>One entry in a list of posts.</summary>
/// <param name="CommentsNotSaved">Known only from label pages, which show no comments: the count says "Comments not saved".</param>
public sealed record PostSummary(
    string Title,
    bool TitleIsDerived,
    DateOnly? PublishedOn,
    string Permalink,
    string Excerpt,
    int CommentCount,
    bool CommentsNotSaved,
    IReadOnlyList<string> Labels);
