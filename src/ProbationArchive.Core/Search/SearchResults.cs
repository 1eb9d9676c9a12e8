namespace ProbationArchive.Core.Search;

/// <param name="Hits">One a post, best first (or newest first), each with its matching comments.</param>
/// <param name="Total">How many posts match, in their text or in a comment.</param>
/// <param name="TotalIsLowerBound">The count stopped at the request's CountLimit: there may be more matches.</param>
public sealed record SearchResults(IReadOnlyList<SearchHit> Hits, int Total, int Page, int PageSize, bool TotalIsLowerBound = false)
{
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);

    /// <summary>A bulk import has suspended the index until its end: hits may miss what it is adding.</summary>
    public bool IndexIsBeingRebuilt { get; init; }
}
