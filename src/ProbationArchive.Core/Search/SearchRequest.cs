namespace ProbationArchive.Core.Search;

/// <param name="Page">1-based.</param>
public sealed record SearchRequest(
    SearchQuery Query,
    string? Label = null,
    DateOnly? From = null,
    DateOnly? To = null,
    SearchOrder Order = SearchOrder.Relevance,
    int Page = 1,
    int PageSize = 20);
