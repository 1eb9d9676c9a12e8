namespace ProbationArchive.Web.Reading;

/// <summary>A comment as read from the store, before it is placed in its thread.</summary>
public sealed record CommentRow(int Id, int? ParentId, string ThreadPath, string Text)
{
    /// <summary>Who wrote it and when, where an export said so; saved pages do not show either.</summary>
    public CommentByline? Byline { get; init; }

    public Core.Archive.TextFormat Format { get; init; }

    /// <summary>The start of an HTML comment's plain text (its search text), for the thread outline; null for plain text.</summary>
    public string? PlainOpening { get; init; }
}

/// <summary>A comment's author (with the profile address, if any) and its time, with the offset it was written with.</summary>
public sealed record CommentByline(string? AuthorName, string? AuthorUri, DateTimeOffset? PublishedAt);
