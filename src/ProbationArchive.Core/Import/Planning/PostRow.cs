using ProbationArchive.Core.Archive;

namespace ProbationArchive.Core.Import.Planning;

/// <summary>The stored fields of a post, as inserted or as they are to become. Saved pages leave the export's fields at their defaults.</summary>
public sealed record PostRow(
    string IdentityKey,
    string Title,
    bool TitleIsDerived,
    DateOnly? PublishedOn,
    string Slug,
    string Permalink,
    string Body,
    int? DeclaredCommentCount)
{
    public PostKind Kind { get; init; }

    public bool IsDraft { get; init; }

    public string? BloggerId { get; init; }

    public DateTimeOffset? PublishedAt { get; init; }

    public TextFormat BodyFormat { get; init; }

    public string? SearchText { get; init; }

    public string? AuthorName { get; init; }

    public string? AuthorUri { get; init; }
}
