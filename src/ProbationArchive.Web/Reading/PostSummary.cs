namespace ProbationArchive.Web.Reading;

/// <summary>One entry in a list of posts.</summary>
public sealed record PostSummary(
    string Title,
    bool TitleIsDerived,
    DateOnly? PublishedOn,
    string Permalink,
    string Excerpt,
    int CommentCount,
    IReadOnlyList<string> Labels);
