namespace ProbationArchive.Core.Search;

/// <summary>
/// One match: a post (CommentId null) or a comment on it. <see cref="Snippet"/> is raw text with
/// the matched words between <see cref="ArchiveSearch.HighlightStart"/> and
/// <see cref="ArchiveSearch.HighlightEnd"/>; encode it before showing it.
/// </summary>
public sealed record SearchHit(int PostId, int? CommentId, string Title, bool TitleIsDerived, string Permalink, DateOnly? PublishedOn, string Snippet, double Rank);
