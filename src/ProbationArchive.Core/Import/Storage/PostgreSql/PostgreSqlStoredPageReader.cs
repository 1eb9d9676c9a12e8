using System.Globalization;
using Npgsql;
using ProbationArchive.Core.Archive;
using ProbationArchive.Core.Import.Planning;
using ProbationArchive.Core.Parsing;
using static ProbationArchive.Core.Import.Storage.PostgreSql.PostgreSqlCommands;

namespace ProbationArchive.Core.Import.Storage.PostgreSql;

/// <summary>
/// PostgreSQL's reader of what the archive holds about a page (<see cref="StoredPage"/>): the
/// same questions as SQLite's <see cref="StoredPageReader"/>, with arrays for its JSON lists, asked
/// in two round trips whatever the number of posts on the page: a batch of four statements, then
/// the threads of the posts found.
/// </summary>
internal sealed class PostgreSqlStoredPageReader(NpgsqlConnection connection) : IStoredPageReader
{
    private const string FileSql = """
        SELECT f."Id", f."ContentHash", f."Label",
               (SELECT l."Id" FROM "Labels" l WHERE l."Name" = f."Label" COLLATE archive_nocase),
               (SELECT count(*) FROM "PostSources" s WHERE s."SourceFileId" = f."Id")::integer
        FROM "SourceFiles" f WHERE f."Path" = $1
        """;

    private const string LinksSql = """
        SELECT s."PostId", s."PositionInFile",
               EXISTS (SELECT 1 FROM "PostSources" o JOIN "SourceFiles" f ON f."Id" = o."SourceFileId"
                       WHERE o."PostId" = s."PostId" AND o."SourceFileId" <> s."SourceFileId" AND f."Label" = $2 COLLATE archive_nocase)
        FROM "PostSources" s WHERE s."SourceFileId" = $1
        """;

    private const string LabelsSql = """SELECT "Id", "Name" FROM "Labels" WHERE "Name" = ANY($1)""";

    /// <summary>
    /// The posts the page names by identity ($1) or Blogger id ($4), or its file held: an export's
    /// links read before its posts ($2), or a saved page's file ($5). A union of index lookups, as
    /// on SQLite: written as one OR, the planner scans the whole table for it.
    /// </summary>
    private const string PageCondition = """
        p."Id" IN (SELECT "Id" FROM "Posts" WHERE "IdentityKey" = ANY($1)
                   UNION SELECT unnest($2::integer[])
                   UNION SELECT "Id" FROM "Posts" WHERE "BloggerId" = ANY($4)
                   UNION SELECT s."PostId" FROM "PostSources" s WHERE s."SourceFileId" = $5)
        """;

    private static readonly string PostsSql = $"""
        SELECT p."Id", p."IdentityKey", p."Title", p."TitleIsDerived", p."PublishedOn", p."Slug", p."Permalink", p."Body", p."DeclaredCommentCount",
               p."Kind", p."IsDraft", p."BloggerId", p."PublishedAt", p."BodyFormat", p."SearchText", p."AuthorName", p."AuthorUri",
               EXISTS (SELECT 1 FROM "PostSources" s JOIN "SourceFiles" f ON f."Id" = s."SourceFileId"
                       WHERE s."PostId" = p."Id" AND s."SourceFileId" IS DISTINCT FROM $3 AND f."PageKind" NOT IN ('{nameof(PageKind.LabelPage)}', '{nameof(PageKind.BloggerExport)}')),
               ARRAY(SELECT l."LabelId" FROM "PostLabels" l WHERE l."PostId" = p."Id")
        FROM "Posts" p WHERE {PageCondition}
        ORDER BY p."Id"
        """;

    // "a-2", "a-3"… sort between "a-" and "a." in byte order (the column's collation is "C"), so one index range finds them.
    private const string PermalinksSql = """
        SELECT p."Permalink", p."Id" FROM unnest($1::text[]) w(value)
        JOIN "Posts" p ON p."Permalink" = w.value OR (p."Permalink" > w.value || '-' AND p."Permalink" < w.value || '.')
        """;

    /// <summary>By the posts' ids, read first: one index range per post.</summary>
    private const string ThreadsSql = """
        SELECT c."PostId", c."Id", c."ParentId", c."Position", c."ThreadPath", c."Text", c."SourceLine",
               c."BloggerId", c."AuthorName", c."AuthorUri", c."PublishedAt", c."TextFormat", c."SearchText"
        FROM unnest($1::integer[]) t("PostId") JOIN "Comments" c ON c."PostId" = t."PostId"
        ORDER BY c."PostId", c."Position"
        """;

    public StoredFileRecord? FindFile(string path)
    {
        using var command = new NpgsqlCommand(FileSql, connection) { Parameters = { Text(path) } };
        using var row = command.ExecuteReader();
        return row.Read()
            ? new StoredFileRecord(row.GetInt32(0), row.GetString(1), NullableText(row, 2), row.IsDBNull(3) ? null : row.GetInt32(3), row.GetInt32(4))
            : null;
    }

    public StoredPage Read(ParsedPage page, StoredFileRecord? file)
    {
        ArgumentNullException.ThrowIfNull(page);
        return Read(page.Posts, page.Label is null ? [] : [page.Label], file, null, PostIdentity.KeyFor, page.Kind != PageKind.LabelPage);
    }

    public StoredPage ReadExportPost(ParsedPost post, StoredSourceFile? file)
    {
        ArgumentNullException.ThrowIfNull(post);
        return Read([post], post.Blogger?.Labels ?? [], null, file, PostIdentity.ExportKeyFor, withThreads: true);
    }

    public StoredSourceFile StoredFile(StoredFileRecord file)
    {
        ArgumentNullException.ThrowIfNull(file);
        using var batch = new NpgsqlBatch(connection) { BatchCommands = { LinksCommand(file) } };
        using var rows = batch.ExecuteReader();
        return new StoredSourceFile(file.Id, file.LabelId, Links(rows));
    }

    /// <param name="record">A saved page's file record, whose links are read in the same batch; or</param>
    /// <param name="known">an export's, read once before its posts.</param>
    private StoredPage Read(
        IReadOnlyList<ParsedPost> pagePosts, IReadOnlyList<string> labelNames, StoredFileRecord? record, StoredSourceFile? known,
        Func<ParsedPost, string> keyOf, bool withThreads)
    {
        var keys = pagePosts.Select(keyOf).Distinct(StringComparer.Ordinal).ToList();
        var bloggerIds = pagePosts.Select(p => p.Blogger?.Id).OfType<string>().ToList();
        var wanted = pagePosts.Select(PostIdentity.WantedPermalink).Distinct(StringComparer.Ordinal).ToList();
        using var batch = new NpgsqlBatch(connection);
        if (record is not null)
        {
            batch.BatchCommands.Add(LinksCommand(record));
        }

        var linked = known?.Links.Select(l => l.PostId).ToList() ?? [];
        NpgsqlParameter[] PostParameters() =>
            [TextArray(keys), IntegerArray(linked), Integer(record?.Id ?? known?.Id), TextArray(bloggerIds), Integer(record?.Id)];
        batch.BatchCommands.Add(Command(LabelsSql, TextArray(labelNames)));
        batch.BatchCommands.Add(Command(PostsSql, PostParameters()));
        batch.BatchCommands.Add(Command(PermalinksSql, TextArray(wanted)));
        var (file, labels, posts, taken) = ReadBatch(batch, record, known);
        var threads = !withThreads || posts.Count == 0 ? new Dictionary<int, IReadOnlyList<StoredComment>>() : Threads(posts);
        return new StoredPage(file, posts, labels, taken, threads);
    }

    private static (StoredSourceFile? File, List<StoredLabel> Labels, List<StoredPost> Posts, Dictionary<string, int> Taken) ReadBatch(
        NpgsqlBatch batch, StoredFileRecord? record, StoredSourceFile? known)
    {
        using var rows = batch.ExecuteReader();
        var file = known;
        if (record is not null)
        {
            file = new StoredSourceFile(record.Id, record.LabelId, Links(rows));
            rows.NextResult();
        }

        var labels = new List<StoredLabel>();
        while (rows.Read())
        {
            labels.Add(new StoredLabel(rows.GetInt32(0), rows.GetString(1)));
        }

        rows.NextResult();
        var posts = Posts(rows);
        rows.NextResult();
        var taken = new Dictionary<string, int>(StringComparer.Ordinal);
        while (rows.Read())
        {
            taken[rows.GetString(0)] = rows.GetInt32(1);
        }

        return (file, labels, posts, taken);
    }

    private static NpgsqlBatchCommand LinksCommand(StoredFileRecord file) => Command(LinksSql, Integer(file.Id), Text(file.Label));

    private static List<StoredLink> Links(NpgsqlDataReader rows)
    {
        var links = new List<StoredLink>();
        while (rows.Read())
        {
            links.Add(new StoredLink(rows.GetInt32(0), rows.GetInt32(1), rows.GetBoolean(2)));
        }

        return links;
    }

    private static List<StoredPost> Posts(NpgsqlDataReader rows)
    {
        var posts = new List<StoredPost>();
        while (rows.Read())
        {
            var row = new PostRow(
                rows.GetString(1), rows.GetString(2), rows.GetBoolean(3), rows.IsDBNull(4) ? null : rows.GetFieldValue<DateOnly>(4),
                rows.GetString(5), rows.GetString(6), rows.GetString(7), rows.IsDBNull(8) ? null : rows.GetInt32(8))
            {
                Kind = Enum.Parse<PostKind>(rows.GetString(9)),
                IsDraft = rows.GetBoolean(10),
                BloggerId = NullableText(rows, 11),
                PublishedAt = Offset(rows, 12),
                BodyFormat = Enum.Parse<TextFormat>(rows.GetString(13)),
                SearchText = NullableText(rows, 14),
                AuthorName = NullableText(rows, 15),
                AuthorUri = NullableText(rows, 16),
            };
            posts.Add(new StoredPost(rows.GetInt32(0), row, rows.GetBoolean(17), rows.GetFieldValue<int[]>(18).ToHashSet()));
        }

        return posts;
    }

    private Dictionary<int, IReadOnlyList<StoredComment>> Threads(List<StoredPost> posts)
    {
        using var command = new NpgsqlCommand(ThreadsSql, connection) { Parameters = { IntegerArray(posts.Select(p => p.Id)) } };
        using var rows = command.ExecuteReader();
        var threads = new Dictionary<int, List<StoredComment>>();
        while (rows.Read())
        {
            var postId = rows.GetInt32(0);
            if (!threads.TryGetValue(postId, out var thread))
            {
                threads[postId] = thread = [];
            }

            thread.Add(new StoredComment(rows.GetInt32(1), rows.IsDBNull(2) ? null : rows.GetInt32(2), rows.GetInt32(3), rows.GetString(4), rows.GetString(5), rows.GetInt32(6))
            {
                Content = new CommentContent(
                    NullableText(rows, 7), NullableText(rows, 8), NullableText(rows, 9), Offset(rows, 10),
                    Enum.Parse<TextFormat>(rows.GetString(11)), NullableText(rows, 12)),
            });
        }

        return threads.ToDictionary(t => t.Key, t => (IReadOnlyList<StoredComment>)t.Value);
    }

    private static string? NullableText(NpgsqlDataReader rows, int column) => rows.IsDBNull(column) ? null : rows.GetString(column);

    /// <summary>Stored as text with its offset (PostgreSqlModel), as SQLite stores it.</summary>
    private static DateTimeOffset? Offset(NpgsqlDataReader rows, int column) =>
        rows.IsDBNull(column) ? null : DateTimeOffset.Parse(rows.GetString(column), CultureInfo.InvariantCulture);

    public void Dispose()
    {
        // Nothing held between calls: Npgsql prepares and caches the statements on the connection.
    }
}
