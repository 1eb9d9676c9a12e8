namespace ProbationArchive.Core.Search;

/// <param name="Page">1-based; pages are of posts (<paramref name="PageSize"/> posts a page).</param>
/// <param name="CommentsPerHit">How many of a post's matching comments its hit lists, best first; the rest are counted.</param>
/// <param name="CountLimit">
/// Stop counting matches here (a reader never pages that far): the total is then a lower bound
/// (<see cref="SearchResults.TotalIsLowerBound"/>). Null counts every match.
/// </param>
public sealed record SearchRequest(
    SearchQuery Query,
    string? Label = null,
    DateOnly? From = null,
    DateOnly? To = null,
    SearchOrder Order = SearchOrder.Relevance,
    int Page = 1,
    int PageSize = 20,
    int? CountLimit = null,
    int CommentsPerHit = 3)
{
    /// <summary>The posts of the pages before this one.</summary>
    internal int Skip => (Math.Max(1, Page) - 1) * PageSize;
}
