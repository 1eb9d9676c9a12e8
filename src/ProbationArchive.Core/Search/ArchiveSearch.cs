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

        var total = await db.Database.SqlQuery<int>($"""
            SELECT count(*) AS Value
            FROM SearchEntries s JOIN Posts p ON p.Id = s.PostId
            WHERE SearchEntries MATCH {match}
              AND ({from} IS NULL OR p.PublishedOn >= {from}) AND ({to} IS NULL OR p.PublishedOn <= {to})
              AND ({label} IS NULL OR EXISTS (SELECT 1 FROM PostLabels pl JOIN Labels l ON l.Id = pl.LabelId WHERE pl.PostId = p.Id AND l.Name = {label}))
            """).SingleAsync(cancellationToken);

        var hits = await db.Database.SqlQuery<SearchHit>($"""
            SELECT s.PostId AS PostId, s.CommentId AS CommentId, p.Title AS Title, p.TitleIsDerived AS TitleIsDerived,
                   p.Permalink AS Permalink, p.PublishedOn AS PublishedOn,
                   snippet(SearchEntries, -1, char(57344), char(57345), '…', 24) AS Snippet,
                   bm25(SearchEntries, {TitleWeight}, {TextWeight}) AS Rank
            FROM SearchEntries s JOIN Posts p ON p.Id = s.PostId
            WHERE SearchEntries MATCH {match}
              AND ({from} IS NULL OR p.PublishedOn >= {from}) AND ({to} IS NULL OR p.PublishedOn <= {to})
              AND ({label} IS NULL OR EXISTS (SELECT 1 FROM PostLabels pl JOIN Labels l ON l.Id = pl.LabelId WHERE pl.PostId = p.Id AND l.Name = {label}))
            ORDER BY CASE WHEN {newest} THEN p.PublishedOn END DESC, Rank, s.rowid
            LIMIT {take} OFFSET {skip}
            """).ToListAsync(cancellationToken);

        return new SearchResults(hits, total, Math.Max(1, request.Page), request.PageSize);
    }
}
