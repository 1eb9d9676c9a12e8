namespace ProbationArchive.Web.Reading;

/// <summary>What the post page shows of the post itself.</summary>
public sealed record PostView(
    int Id,
    string Title,
    bool TitleIsDerived,
    DateOnly? PublishedOn,
    string Permalink,
    string Body,
    int? DeclaredCommentCount,
    IReadOnlyList<string> Labels);
