using Microsoft.EntityFrameworkCore;
using ProbationArchive.Core.Data;

namespace ProbationArchive.Core.Search;

/// <summary>
/// Runs searches against the FTS5 index on SQLite (on PostgreSQL, <see cref="PostgreSqlSearch"/> answers the same request the same way) (external content over Posts and Comments: an entry is a
/// post, rowid -Id, or a comment, rowid +Id). A result is a post: its matches, in its own text and
/// in its comments, are grouped under it and it ranks by the best of them, so a post with many
/// matching comments takes one place, not one per comment.
/// </summary>
public static class ArchiveSearch
{
    /// <summary>Private-use characters mark highlights, so they survive HTML encoding and cannot come from the text.</summary>
    public const char HighlightStart = '\uE000';
    public const char HighlightEnd = '\uE001';

    // Title matches weigh more than matches in text (bm25 column weights).
    private const double TitleWeight = 5.0;
    private const double TextWeight = 1.0;

    /// <remarks>
    /// Cost grows with the number of matches, so both statements keep the work per match small:
    /// the post of each match (itself, or a comment's by its primary key), the filters through
    /// scalar subqueries that an unset filter's <c>IS NULL</c> short-circuits, and bm25. The page
    /// statement ranks every match once (a materialised CTE, so FTS5 runs the query once), groups
    /// them by post, keeps the page's posts, and makes snippets only for what the page shows: each
    /// post's own match and its best few comments. Picking the page's matches scans the list once
    /// against the page's posts (CROSS JOIN fixes that order; the other way SQLite would build an
    /// index over every match first). The count of posts stops at <see cref="SearchRequest.CountLimit"/>.
    /// </remarks>
    public static async Task<SearchResults> RunAsync(ArchiveDbContext db, SearchRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(request);
        if (db.Database.IsNpgsql())
        {
            return await PostgreSqlSearch.RunAsync(db, request, cancellationToken);
        }

        var match = request.Query.Expression;
        var label = request.Label;
        var from = request.From;
        var to = request.To;
        var newest = request.Order == SearchOrder.Newest;
        var skip = (Math.Max(1, request.Page) - 1) * request.PageSize;
        var take = request.PageSize;
        var commentsPerHit = Math.Max(0, request.CommentsPerHit);
        // SQLite reads a negative LIMIT as none.
        var countLimit = request.CountLimit ?? -1;

        // The index's state comes with the count: a bulk import may have suspended it (SearchIndexRebuild).
        var count = await db.Database.SqlQuery<SearchMatchCount>($"""
            SELECT (SELECT Suspended FROM SearchIndexState) AS IndexSuspended, count(*) AS Total FROM (
                SELECT DISTINCT e.PostId FROM (
                    SELECT CASE WHEN s.rowid < 0 THEN -s.rowid ELSE (SELECT c.PostId FROM Comments c WHERE c.Id = s.rowid) END AS PostId
                    FROM SearchEntries s WHERE SearchEntries MATCH {match}) e
                WHERE ({from} IS NULL OR (SELECT p.PublishedOn FROM Posts p WHERE p.Id = e.PostId) >= {from})
                  AND ({to} IS NULL OR (SELECT p.PublishedOn FROM Posts p WHERE p.Id = e.PostId) <= {to})
                  AND ({label} IS NULL OR EXISTS (SELECT 1 FROM PostLabels pl JOIN Labels l ON l.Id = pl.LabelId WHERE pl.PostId = e.PostId AND l.Name = {label}))
                LIMIT {countLimit})
            """).SingleAsync(cancellationToken);

        var rows = await db.Database.SqlQuery<SearchMatchRow>($"""
            WITH matched AS MATERIALIZED (
                SELECT e.EntryId, e.PostId, e.Rank FROM (
                    SELECT s.rowid AS EntryId, bm25(SearchEntries, {TitleWeight}, {TextWeight}) AS Rank,
                           CASE WHEN s.rowid < 0 THEN -s.rowid ELSE (SELECT c.PostId FROM Comments c WHERE c.Id = s.rowid) END AS PostId
                    FROM SearchEntries s WHERE SearchEntries MATCH {match}) e
                WHERE ({from} IS NULL OR (SELECT p.PublishedOn FROM Posts p WHERE p.Id = e.PostId) >= {from})
                  AND ({to} IS NULL OR (SELECT p.PublishedOn FROM Posts p WHERE p.Id = e.PostId) <= {to})
                  AND ({label} IS NULL OR EXISTS (SELECT 1 FROM PostLabels pl JOIN Labels l ON l.Id = pl.LabelId WHERE pl.PostId = e.PostId AND l.Name = {label}))),
            ranked AS (
                SELECT m.PostId, min(m.Rank) AS BestRank,
                       CASE WHEN {newest} THEN (SELECT p.PublishedOn FROM Posts p WHERE p.Id = m.PostId) END AS Newest
                FROM matched m GROUP BY m.PostId
                ORDER BY Newest DESC, BestRank, m.PostId
                LIMIT {take} OFFSET {skip}),
            shown AS (
                SELECT * FROM (
                    SELECT m.EntryId, m.PostId, m.Rank, r.BestRank, r.Newest,
                           row_number() OVER (PARTITION BY m.PostId, m.EntryId > 0 ORDER BY m.Rank, m.EntryId) AS Place,
                           sum(m.EntryId > 0) OVER (PARTITION BY m.PostId) AS CommentMatches
                    FROM matched m CROSS JOIN ranked r WHERE r.PostId = m.PostId)
                WHERE EntryId < 0 OR Place <= {commentsPerHit})
            SELECT x.PostId AS PostId, CASE WHEN x.EntryId > 0 THEN x.EntryId END AS CommentId,
                   c.ThreadPath AS ThreadPath, c.ParentId IS NOT NULL AS IsReply,
                   p.Title AS Title, p.TitleIsDerived AS TitleIsDerived, p.Permalink AS Permalink, p.PublishedOn AS PublishedOn,
                   snippet(SearchEntries, -1, char(57344), char(57345), '…', 24) AS Snippet,
                   x.Rank AS Rank, x.BestRank AS BestRank, x.CommentMatches AS CommentMatches
            FROM shown x CROSS JOIN SearchEntries s CROSS JOIN Posts p LEFT JOIN Comments c ON c.Id = x.EntryId
            WHERE s.rowid = x.EntryId AND SearchEntries MATCH {match} AND p.Id = x.PostId
            ORDER BY x.Newest DESC, x.BestRank, x.PostId, x.EntryId > 0, x.Rank, x.EntryId
            """).ToListAsync(cancellationToken);

        var lowerBound = request.CountLimit is { } limit && count.Total >= limit;
        return new SearchResults(Group(rows), count.Total, Math.Max(1, request.Page), request.PageSize, lowerBound) { IndexIsBeingRebuilt = count.IndexSuspended };
    }

    /// <summary>Rows in page order, a post's own match before its comments', into one hit a post.</summary>
    internal static List<SearchHit> Group(List<SearchMatchRow> rows) =>
        rows.GroupBy(r => r.PostId)
            .Select(g =>
            {
                var first = g.First();
                return new SearchHit(
                    first.PostId, first.Title, first.TitleIsDerived, first.Permalink, first.PublishedOn, first.BestRank,
                    g.FirstOrDefault(r => r.CommentId is null)?.Snippet,
                    g.Where(r => r.CommentId is not null).Select(r => new CommentHit(r.CommentId!.Value, r.ThreadPath ?? "", r.IsReply, r.Snippet, r.Rank)).ToList(),
                    first.CommentMatches);
            })
            .ToList();
}
