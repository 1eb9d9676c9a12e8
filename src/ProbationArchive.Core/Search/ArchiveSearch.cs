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
    /// Cost grows with the number of matches, so the statement keeps the work per match small:
    /// the post of each match (itself, or a comment's from the small index of comment ids and
    /// their posts, IX_Comments_Id_PostId, which SQLite would not pick over the comments' own
    /// large rows), the filters through scalar subqueries that an unset filter's <c>IS NULL</c>
    /// short-circuits, and bm25. It ranks every match once (a materialised CTE, so FTS5 runs the query once), groups
    /// them by post, keeps the page's posts, and makes snippets only for what the page shows: each
    /// post's own match and its best few comments. Picking the page's matches scans the list once
    /// against the page's posts (CROSS JOIN fixes that order; the other way SQLite would build an
    /// index over every match first). The count of matching posts comes with every row (a window
    /// over the groups, before the page's LIMIT), so a page with results is one pass over the
    /// matches; it is reported up to <see cref="SearchRequest.CountLimit"/>.
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
        var (skip, take) = (request.Skip, request.PageSize);
        var commentsPerHit = Math.Max(0, request.CommentsPerHit);

        var rows = await db.Database.SqlQuery<SearchMatchRow>($"""
            WITH matched AS MATERIALIZED (
                SELECT e.EntryId, e.PostId, e.Rank FROM (
                    SELECT s.rowid AS EntryId, bm25(SearchEntries, {TitleWeight}, {TextWeight}) AS Rank,
                           CASE WHEN s.rowid < 0 THEN -s.rowid ELSE (SELECT c.PostId FROM Comments c INDEXED BY IX_Comments_Id_PostId WHERE c.Id = s.rowid) END AS PostId
                    FROM SearchEntries s WHERE SearchEntries MATCH {match}) e
                WHERE ({from} IS NULL OR (SELECT p.PublishedOn FROM Posts p WHERE p.Id = e.PostId) >= {from})
                  AND ({to} IS NULL OR (SELECT p.PublishedOn FROM Posts p WHERE p.Id = e.PostId) <= {to})
                  AND ({label} IS NULL OR EXISTS (SELECT 1 FROM PostLabels pl JOIN Labels l ON l.Id = pl.LabelId WHERE pl.PostId = e.PostId AND l.Name = {label}))),
            ranked AS (
                SELECT m.PostId, min(m.Rank) AS BestRank,
                       CASE WHEN {newest} THEN (SELECT p.PublishedOn FROM Posts p WHERE p.Id = m.PostId) END AS Newest,
                       count(*) OVER () AS Total
                FROM matched m GROUP BY m.PostId
                ORDER BY Newest DESC, BestRank, m.PostId
                LIMIT {take} OFFSET {skip}),
            shown AS (
                SELECT * FROM (
                    SELECT m.EntryId, m.PostId, m.Rank, r.BestRank, r.Newest, r.Total,
                           row_number() OVER (PARTITION BY m.PostId, m.EntryId > 0 ORDER BY m.Rank, m.EntryId) AS Place,
                           sum(m.EntryId > 0) OVER (PARTITION BY m.PostId) AS CommentMatches
                    FROM matched m CROSS JOIN ranked r WHERE r.PostId = m.PostId)
                WHERE EntryId < 0 OR Place <= {commentsPerHit})
            SELECT x.PostId AS PostId, CASE WHEN x.EntryId > 0 THEN x.EntryId END AS CommentId,
                   c.ThreadPath AS ThreadPath, c.ParentId IS NOT NULL AS IsReply,
                   p.Title AS Title, p.TitleIsDerived AS TitleIsDerived, p.Permalink AS Permalink, p.PublishedOn AS PublishedOn,
                   snippet(SearchEntries, -1, char(57344), char(57345), '…', 24) AS Snippet,
                   x.Rank AS Rank, x.BestRank AS BestRank, x.CommentMatches AS CommentMatches,
                   x.Total AS Total, (SELECT Suspended FROM SearchIndexState) AS IndexSuspended
            FROM shown x CROSS JOIN SearchEntries s CROSS JOIN Posts p LEFT JOIN Comments c ON c.Id = x.EntryId
            WHERE s.rowid = x.EntryId AND SearchEntries MATCH {match} AND p.Id = x.PostId
            ORDER BY x.Newest DESC, x.BestRank, x.PostId, x.EntryId > 0, x.Rank, x.EntryId
            """).ToListAsync(cancellationToken);

        // Every row carries the count of matching posts; only a page with no rows (no match, or a
        // page past the last) asks for it on its own.
        var count = rows.Count > 0
            ? new SearchMatchCount { Total = rows[0].Total, IndexSuspended = rows[0].IndexSuspended }
            : await CountAsync(db, request, cancellationToken);
        return Results(rows, count.Total, request) with { IndexIsBeingRebuilt = count.IndexSuspended };
    }

    /// <summary>A page of either provider's rows, with its count of matching posts reported up to the request's CountLimit.</summary>
    internal static SearchResults Results(List<SearchMatchRow> rows, int matching, SearchRequest request)
    {
        var total = request.CountLimit is { } limit ? Math.Min(matching, limit) : matching;
        var lowerBound = request.CountLimit is { } cap && matching >= cap;
        return new SearchResults(Group(rows), total, Math.Max(1, request.Page), request.PageSize, lowerBound);
    }

    /// <summary>The count of matching posts, and the index's state: a bulk import may have suspended it (SearchIndexRebuild).</summary>
    private static Task<SearchMatchCount> CountAsync(ArchiveDbContext db, SearchRequest request, CancellationToken cancellationToken)
    {
        var match = request.Query.Expression;
        var (label, from, to) = (request.Label, request.From, request.To);
        // SQLite reads a negative LIMIT as none.
        var countLimit = request.CountLimit ?? -1;
        return db.Database.SqlQuery<SearchMatchCount>($"""
            SELECT (SELECT Suspended FROM SearchIndexState) AS IndexSuspended, count(*) AS Total FROM (
                SELECT DISTINCT e.PostId FROM (
                    SELECT CASE WHEN s.rowid < 0 THEN -s.rowid ELSE (SELECT c.PostId FROM Comments c INDEXED BY IX_Comments_Id_PostId WHERE c.Id = s.rowid) END AS PostId
                    FROM SearchEntries s WHERE SearchEntries MATCH {match}) e
                WHERE ({from} IS NULL OR (SELECT p.PublishedOn FROM Posts p WHERE p.Id = e.PostId) >= {from})
                  AND ({to} IS NULL OR (SELECT p.PublishedOn FROM Posts p WHERE p.Id = e.PostId) <= {to})
                  AND ({label} IS NULL OR EXISTS (SELECT 1 FROM PostLabels pl JOIN Labels l ON l.Id = pl.LabelId WHERE pl.PostId = e.PostId AND l.Name = {label}))
                LIMIT {countLimit})
            """).SingleAsync(cancellationToken);
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
