namespace ProbationArchive.Web.Reading;

/// <summary>What the post page shows of the post itself.</summary>
/// <param name="Sources">The saved pages it was read from, oldest import first.</param>
public sealed record PostView(
    int Id,
    string Title,
    bool TitleIsDerived,
    DateOnly? PublishedOn,
    string Permalink,
    string Body,
    int? DeclaredCommentCount,
    IReadOnlyList<string> Labels,
    IReadOnlyList<PostSourceView> Sources)
{
    public Core.Archive.TextFormat BodyFormat { get; init; }

    /// <summary>A Blogger page stands alone: no newer and older posts around it.</summary>
    public Core.Archive.PostKind Kind { get; init; }

    /// <summary>An HTML body's text without markup; null for a plain-text body.</summary>
    public string? SearchText { get; init; }

    /// <summary>Every page it was seen on is a label page, and label pages show no comments: none were saved.</summary>
    public bool KnownOnlyFromLabelPages => Sources.Count > 0 && Sources.All(s => s.IsLabelPage);

    public IEnumerable<string> SourceLabels => Sources.Where(s => s.IsLabelPage && s.Label is not null).Select(s => s.Label!).Distinct(StringComparer.OrdinalIgnoreCase);
}
