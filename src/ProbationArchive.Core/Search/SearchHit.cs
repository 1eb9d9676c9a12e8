namespace ProbationArchive.Core.Search;

/// <summary>
/// One post that matches: the search's unit of result, ranked by its best match (the post itself
/// or any of its comments). Snippets are raw text with the matched words between
/// <see cref="ArchiveSearch.HighlightStart"/> and <see cref="ArchiveSearch.HighlightEnd"/>; encode
/// them before showing them.
/// </summary>
/// <param name="Rank">The best (lowest) bm25 rank among the post's matches.</param>
/// <param name="PostSnippet">The post's own text around its match; null when only comments matched.</param>
/// <param name="Comments">Its best matching comments, best first, up to <see cref="SearchRequest.CommentsPerHit"/>.</param>
/// <param name="CommentMatches">How many of its comments match, shown or not.</param>
public sealed record SearchHit(
    int PostId,
    string Title,
    bool TitleIsDerived,
    string Permalink,
    DateOnly? PublishedOn,
    double Rank,
    string? PostSnippet,
    IReadOnlyList<CommentHit> Comments,
    int CommentMatches)
{
    /// <summary>Matching comments not listed under the post: "and N more".</summary>
    public int MoreComments => CommentMatches - Comments.Count;
}
