namespace ProbationArchive.Web.Search;

/// <summary>Settings for the search page, from the "Search" configuration section.</summary>
public sealed class SearchOptions
{
    public const string SectionName = "Search";

    /// <summary>Hits a page.</summary>
    public int PageSize { get; set; } = 20;

    /// <summary>The last page a reader may ask for: bounds the work one request can cost (OFFSET).</summary>
    public int MaxPage { get; set; } = 50;

    /// <summary>Searches one client (remote address) may make per window.</summary>
    public int PermitLimit { get; set; } = 30;

    public int WindowSeconds { get; set; } = 60;
}
