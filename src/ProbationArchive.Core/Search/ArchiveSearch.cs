using Microsoft.EntityFrameworkCore;
using ProbationArchive.Core.Data;

namespace ProbationArchive.Core.Search;

/// <summary>Runs searches against the FTS5 index the SearchIndex migration keeps in step with posts and comments.</summary>
public static class ArchiveSearch
{
    /// <summary>Private-use characters mark highlights, so they survive HTML encoding and cannot come from the text.</summary>
    public const char HighlightStart = '\uE000';
    public const char HighlightEnd = '\uE001';

    // Title matches weigh more than matches in text (bm25 column weights).
    private const double TitleWeight = 5.0;
    private const double TextWeight = 1.0;

    /// <remarks>
    /// Cost grows with the number of matches, so both statements keep the work per match small.
    /// Filters read the post through scalar subqueries rather than a join: an unset filter's
    /// <c>IS NULL</c> short-circuits and no post is read for it, so an unfiltered search only
    /// ranks the index. Snippets, the costly part, are made for the page's hits alone, after
    /// ranking. The count stops at <see cref="SearchRequest.CountLimit"/>.
    /// </remarks>
    public static async Task<SearchResults> RunAsync(ArchiveDbContext db, SearchRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(request);
        var match = request.Query.Expression;
        var label = request.Label;
        var from = request.From;
        var to = request.To;
        var newest = request.Order == SearchOrder.Newest;
        var skip = (Math.Max(1, request.Page) - 1) * request.PageSize;
        var take = request.PageSize;
        // SQLite reads a negative LIMIT as none.
        var countLimit = request.CountLimit ?? -1;

        // The index's state comes with the count: a bulk import may have suspended it (SearchIndexRebuild).
        // An entry is a post (rowid -Id) or a comment (rowid +Id); the comment's post is looked up only
        // where a filter needs it, since the subquery is flattened and each unset filter short-circuits.
        var count = await db.Database.SqlQuery<MatchCount>($"""
            SELECT (SELECT Suspended FROM SearchIndexState) AS IndexSuspended, count(*) AS Total FROM (
                SELECT 1 FROM (
                    SELECT CASE WHEN s.rowid < 0 THEN -s.rowid ELSE (SELECT c.PostId FROM Comments c WHERE c.Id = s.rowid) END AS PostId
                    FROM SearchEntries s WHERE SearchEntries MATCH {match}) e
                WHERE ({from} IS NULL OR (SELECT p.PublishedOn FROM Posts p WHERE p.Id = e.PostId) >= {from})
                  AND ({to} IS NULL OR (SELECT p.PublishedOn FROM Posts p WHERE p.Id = e.PostId) <= {to})
                  AND ({label} IS NULL OR EXISTS (SELECT 1 FROM PostLabels pl JOIN Labels l ON l.Id = pl.LabelId WHERE pl.PostId = e.PostId AND l.Name = {label}))
                LIMIT {countLimit})
            """).SingleAsync(cancellationToken);

        var hits = await db.Database.SqlQuery<SearchHit>($"""
            WITH ranked AS (
                SELECT e.EntryId, e.PostId, e.Rank,
                       CASE WHEN {newest} THEN (SELECT p.PublishedOn FROM Posts p WHERE p.Id = e.PostId) END AS Newest
                FROM (
                    SELECT s.rowid AS EntryId, bm25(SearchEntries, {TitleWeight}, {TextWeight}) AS Rank,
                           CASE WHEN s.rowid < 0 THEN -s.rowid ELSE (SELECT c.PostId FROM Comments c WHERE c.Id = s.rowid) END AS PostId
                    FROM SearchEntries s WHERE SearchEntries MATCH {match}) e
                WHERE ({from} IS NULL OR (SELECT p.PublishedOn FROM Posts p WHERE p.Id = e.PostId) >= {from})
                  AND ({to} IS NULL OR (SELECT p.PublishedOn FROM Posts p WHERE p.Id = e.PostId) <= {to})
                  AND ({label} IS NULL OR EXISTS (SELECT 1 FROM PostLabels pl JOIN Labels l ON l.Id = pl.LabelId WHERE pl.PostId = e.PostId AND l.Name = {label}))
                ORDER BY Newest DESC, e.Rank, e.EntryId
                LIMIT {take} OFFSET {skip})
            SELECT p.Id AS PostId, CASE WHEN r.EntryId > 0 THEN r.EntryId END AS CommentId, p.Title AS Title, p.TitleIsDerived AS TitleIsDerived,
                   p.Permalink AS Permalink, p.PublishedOn AS PublishedOn,
                   snippet(SearchEntries, -1, char(57344), char(57345), '…', 24) AS Snippet,
                   r.Rank AS Rank
            FROM ranked r CROSS JOIN SearchEntries s CROSS JOIN Posts p
            WHERE s.rowid = r.EntryId AND SearchEntries MATCH {match} AND p.Id = r.PostId
            ORDER BY r.Newest DESC, r.Rank, r.EntryId
            """).ToListAsync(cancellationToken);

        var lowerBound = request.CountLimit is { } limit && count.Total >= limit;
        return new SearchResults(hits, count.Total, Math.Max(1, request.Page), request.PageSize, lowerBound) { IndexIsBeingRebuilt = count.IndexSuspended };
    }

    private sealed class MatchCount
    {
        public int Total { get; init; }

        public bool IndexSuspended { get; init; }
    }
}
