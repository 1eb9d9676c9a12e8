namespace ProbationArchive.Core.Search;

/// <summary>How many posts match, and whether the index is suspended by a bulk import (SQLite only).</summary>
internal sealed class SearchMatchCount
{
    public int Total { get; init; }

    public bool IndexSuspended { get; init; }
}
