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

    /// <summary>
    /// Searches run at once, from all clients together, one a processor by default: a search
    /// ranks every match of its words, so it is bound by CPU, and more at once only share it.
    /// </summary>
    public int MaxConcurrent { get; set; } = Environment.ProcessorCount;

    /// <summary>Searches that wait for a turn; past these the answer is 429 straight away rather than a long wait.</summary>
    public int MaxQueued { get; set; } = 4 * Environment.ProcessorCount;

    /// <summary>The count stops past the last page a reader may open: "more than N results".</summary>
    public int CountLimit => (MaxPage * PageSize) + 1;
}
