namespace ProbationArchive.Core.Search;

/// <summary>One shown match, as both providers' statements return it: a post's own, or one of its best comments'.</summary>
internal sealed class SearchMatchRow
{
    public int PostId { get; init; }

    public int? CommentId { get; init; }

    public string? ThreadPath { get; init; }

    public bool IsReply { get; init; }

    public required string Title { get; init; }

    public bool TitleIsDerived { get; init; }

    public required string Permalink { get; init; }

    public DateOnly? PublishedOn { get; init; }

    /// <summary>Settable: PostgreSQL's highlights are corrected after the query (PostgreSqlHighlights).</summary>
    public required string Snippet { get; set; }

    /// <summary>Lower is better on both providers (bm25; ts_rank negated).</summary>
    public double Rank { get; init; }

    public double BestRank { get; init; }

    public int CommentMatches { get; init; }

    /// <summary>How many posts match in all (the same on every row).</summary>
    public int Total { get; init; }

    /// <summary>A bulk import has suspended SQLite's index (always false on PostgreSQL).</summary>
    public bool IndexSuspended { get; init; }
}
