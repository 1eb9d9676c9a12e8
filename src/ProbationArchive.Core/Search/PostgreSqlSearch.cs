using Microsoft.EntityFrameworkCore;
using ProbationArchive.Core.Data;

namespace ProbationArchive.Core.Search;

/// <summary>
/// Search on PostgreSQL, answering a <see cref="SearchRequest"/> as <see cref="ArchiveSearch"/>
/// does on SQLite: one result a post, ranked by its best match (its own or a comment's), its best
/// matching comments beneath it, drafts and their comments left out, the same filters and
/// orders. Matches come from the stored tsvectors through their GIN indexes
/// (<c>SearchVector @@ to_tsquery('archive', …)</c>, <see cref="SearchQuery.TsQuery"/>), ranks
/// from <c>ts_rank</c> with a title worth five times its text (negated: lower is better, as
/// bm25), snippets from <c>ts_headline</c> for what the page shows only.
/// </summary>
internal static class PostgreSqlSearch
{
    /// <summary>ts_rank's weights, {D, C, B, A}: text is D, a title A (the migration SearchIndexAndDataVersion).</summary>
    private const string Weights = "{0.2, 0.2, 0.2, 1.0}";

    private static readonly string HeadlineOptions =
        $"StartSel={ArchiveSearch.HighlightStart}, StopSel={ArchiveSearch.HighlightEnd}, MaxWords=24, MinWords=12, ShortWord=0, MaxFragments=1, FragmentDelimiter=\" … \"";

    public static async Task<SearchResults> RunAsync(ArchiveDbContext db, SearchRequest request, CancellationToken cancellationToken)
    {
        var query = request.Query.TsQuery;
        var label = request.Label;
        var from = request.From;
        var to = request.To;
        var newest = request.Order == SearchOrder.Newest;
        var (skip, take) = (request.Skip, request.PageSize);
        var commentsPerHit = Math.Max(0, request.CommentsPerHit);

        var rows = await db.Database.SqlQuery<SearchMatchRow>($"""
            WITH q AS MATERIALIZED (SELECT to_tsquery('archive', {query}) AS q),
            candidates AS MATERIALIZED (
                SELECT p."Id", p."PublishedOn" FROM "Posts" p WHERE NOT p."IsDraft"
                  AND ({from}::date IS NULL OR p."PublishedOn" >= {from}::date) AND ({to}::date IS NULL OR p."PublishedOn" <= {to}::date)
                  AND ({label}::text IS NULL OR EXISTS (SELECT 1 FROM "PostLabels" pl JOIN "Labels" l ON l."Id" = pl."LabelId" WHERE pl."PostId" = p."Id" AND l."Name" = {label}::text))),
            matched AS MATERIALIZED (
                SELECT -p."Id" AS "EntryId", p."Id" AS "PostId", -ts_rank({Weights}::real[], p."SearchVector", q.q)::float8 AS "Rank"
                FROM "Posts" p JOIN candidates k ON k."Id" = p."Id", q WHERE p."SearchVector" @@ q.q
                UNION ALL
                SELECT c."Id", c."PostId", -ts_rank({Weights}::real[], c."SearchVector", q.q)::float8
                FROM "Comments" c JOIN candidates k ON k."Id" = c."PostId", q WHERE c."SearchVector" @@ q.q),
            ranked AS (
                SELECT m."PostId", min(m."Rank") AS "BestRank", CASE WHEN {newest} THEN max(k."PublishedOn") END AS "Newest",
                       count(*) OVER ()::integer AS "Total"
                FROM matched m JOIN candidates k ON k."Id" = m."PostId" GROUP BY m."PostId"
                ORDER BY "Newest" DESC NULLS LAST, "BestRank", m."PostId"
                LIMIT {take} OFFSET {skip}),
            shown AS (
                SELECT * FROM (
                    SELECT m."EntryId", m."PostId", m."Rank", r."BestRank", r."Newest", r."Total",
                           row_number() OVER (PARTITION BY m."PostId", m."EntryId" > 0 ORDER BY m."Rank", m."EntryId") AS "Place",
                           count(*) FILTER (WHERE m."EntryId" > 0) OVER (PARTITION BY m."PostId") AS "CommentMatches"
                    FROM matched m JOIN ranked r ON r."PostId" = m."PostId") x
                WHERE x."EntryId" < 0 OR x."Place" <= {commentsPerHit})
            SELECT x."PostId", CASE WHEN x."EntryId" > 0 THEN x."EntryId" END AS "CommentId",
                   c."ThreadPath", c."ParentId" IS NOT NULL AS "IsReply",
                   p."Title", p."TitleIsDerived", p."Permalink", p."PublishedOn",
                   ts_headline('archive', CASE WHEN x."EntryId" > 0 THEN coalesce(c."SearchText", c."Text") ELSE p."Title" || E'\n' || coalesce(p."SearchText", p."Body") END,
                               q.q, {HeadlineOptions}) AS "Snippet",
                   x."Rank", x."BestRank", x."CommentMatches"::integer AS "CommentMatches",
                   x."Total", false AS "IndexSuspended"
            FROM shown x JOIN "Posts" p ON p."Id" = x."PostId" LEFT JOIN "Comments" c ON c."Id" = x."EntryId", q
            ORDER BY x."Newest" DESC NULLS LAST, x."BestRank", x."PostId", x."EntryId" > 0, x."Rank", x."EntryId"
            """).ToListAsync(cancellationToken);

        foreach (var row in rows)
        {
            row.Snippet = PostgreSqlHighlights.AsFts5Would(row.Snippet, request.Query.Phrases);
        }

        // Every row carries the count of matching posts; only a page with no rows counts apart.
        var matching = rows.Count > 0 ? rows[0].Total : await CountAsync(db, request, cancellationToken);
        return ArchiveSearch.Results(rows, matching, request);
    }

    /// <summary>The posts a match may belong to: published, and inside the filters.</summary>
    private static Task<int> CountAsync(ArchiveDbContext db, SearchRequest request, CancellationToken cancellationToken)
    {
        var query = request.Query.TsQuery;
        var (label, from, to) = (request.Label, request.From, request.To);
        var countLimit = request.CountLimit;
        return db.Database.SqlQuery<int>($"""
            WITH q AS MATERIALIZED (SELECT to_tsquery('archive', {query}) AS q)
            SELECT count(*)::integer AS "Value" FROM (
                SELECT p."Id" FROM "Posts" p, q WHERE p."SearchVector" @@ q.q AND NOT p."IsDraft"
                  AND ({from}::date IS NULL OR p."PublishedOn" >= {from}::date) AND ({to}::date IS NULL OR p."PublishedOn" <= {to}::date)
                  AND ({label}::text IS NULL OR EXISTS (SELECT 1 FROM "PostLabels" pl JOIN "Labels" l ON l."Id" = pl."LabelId" WHERE pl."PostId" = p."Id" AND l."Name" = {label}::text))
                UNION
                SELECT p."Id" FROM "Comments" c JOIN "Posts" p ON p."Id" = c."PostId", q WHERE c."SearchVector" @@ q.q AND NOT p."IsDraft"
                  AND ({from}::date IS NULL OR p."PublishedOn" >= {from}::date) AND ({to}::date IS NULL OR p."PublishedOn" <= {to}::date)
                  AND ({label}::text IS NULL OR EXISTS (SELECT 1 FROM "PostLabels" pl JOIN "Labels" l ON l."Id" = pl."LabelId" WHERE pl."PostId" = p."Id" AND l."Name" = {label}::text))
                LIMIT {countLimit}::integer) matches
            """).SingleAsync(cancellationToken);
    }
}
