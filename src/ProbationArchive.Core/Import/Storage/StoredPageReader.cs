using System.Text.Json;
using Microsoft.Data.Sqlite;
using ProbationArchive.Core.Archive;
using ProbationArchive.Core.Data;
using ProbationArchive.Core.Import.Planning;
using ProbationArchive.Core.Parsing;

namespace ProbationArchive.Core.Import.Storage;

/// <summary>
/// Reads what the archive holds about a page (<see cref="StoredPage"/>) in a few set-based
/// queries, whatever the number of posts on it: the page's keys, addresses and post ids are
/// passed as one JSON array each.
/// </summary>
internal sealed class StoredPageReader(SqliteConnection connection) : IDisposable
{
    private readonly SqliteStatement _file = new(connection, """
        SELECT f.Id, f.ContentHash, f.Label, (SELECT Id FROM Labels WHERE Name = f.Label),
               (SELECT count(*) FROM PostSources WHERE SourceFileId = f.Id)
        FROM SourceFiles f WHERE f.Path = ?1
        """);

    private readonly SqliteStatement _links = new(connection, """
        SELECT s.PostId, s.PositionInFile,
               EXISTS (SELECT 1 FROM PostSources o JOIN SourceFiles f ON f.Id = o.SourceFileId
                       WHERE o.PostId = s.PostId AND o.SourceFileId <> s.SourceFileId AND f.Label = ?2 COLLATE NOCASE)
        FROM PostSources s WHERE s.SourceFileId = ?1
        """);

    private readonly SqliteStatement _posts = new(connection, $"""
        SELECT p.Id, p.IdentityKey, p.Title, p.TitleIsDerived, p.PublishedOn, p.Slug, p.Permalink, p.Body, p.DeclaredCommentCount,
               p.Kind, p.IsDraft, p.BloggerId, p.PublishedAt, p.BodyFormat, p.SearchText, p.AuthorName, p.AuthorUri,
               EXISTS (SELECT 1 FROM PostSources s JOIN SourceFiles f ON f.Id = s.SourceFileId
                       WHERE s.PostId = p.Id AND s.SourceFileId IS NOT ?3 AND f.PageKind NOT IN ('{nameof(PageKind.LabelPage)}', '{nameof(PageKind.BloggerExport)}')),
               (SELECT json_group_array(l.LabelId) FROM PostLabels l WHERE l.PostId = p.Id)
        FROM Posts p
        WHERE p.Id IN (SELECT Id FROM Posts WHERE IdentityKey IN (SELECT value FROM json_each(?1))
                       UNION SELECT value FROM json_each(?2)
                       UNION SELECT Id FROM Posts WHERE BloggerId IN (SELECT value FROM json_each(?4)))
        ORDER BY p.Id
        """);

    private readonly SqliteStatement _labels = new(connection, "SELECT Id, Name FROM Labels WHERE Name IN (SELECT value FROM json_each(?1))");

    // "a-2", "a-3"… sort between "a-" and "a." ('.' follows '-'), so one index range finds them.
    private readonly SqliteStatement _permalinks = new(connection, """
        SELECT p.Permalink, p.Id FROM json_each(?1) w
        JOIN Posts p ON p.Permalink = w.value OR (p.Permalink > w.value || '-' AND p.Permalink < w.value || '.')
        """);

    private readonly SqliteStatement _threads = new(connection, """
        SELECT PostId, Id, ParentId, Position, ThreadPath, Text, SourceLine, BloggerId, AuthorName, AuthorUri, PublishedAt, TextFormat, SearchText
        FROM Comments WHERE PostId IN (SELECT value FROM json_each(?1)) ORDER BY PostId, Position
        """);

    /// <summary>The record of the file last imported from this path.</summary>
    public sealed record FileRecord(int Id, string ContentHash, string? Label, int? LabelId, int Posts);

    public FileRecord? FindFile(string path)
    {
        _file.Bind(1, path);
        if (!_file.Read())
        {
            return null;
        }

        var record = new FileRecord(_file.Int32(0), _file.Text(1), _file.NullableText(2), _file.NullableInt32(3), _file.Int32(4));
        _file.Reset();
        return record;
    }

    public StoredPage Read(ParsedPage page, FileRecord? file)
    {
        ArgumentNullException.ThrowIfNull(page);
        var storedFile = file is null ? null : new StoredSourceFile(file.Id, file.LabelId, Links(file));
        return Read(page.Posts, page.Label is null ? [] : [page.Label], storedFile, PostIdentity.KeyFor, page.Kind != PageKind.LabelPage);
    }

    /// <summary>What the archive holds about one post of an export, the export's file record being <paramref name="file"/>.</summary>
    public StoredPage ReadExportPost(ParsedPost post, StoredSourceFile? file)
    {
        ArgumentNullException.ThrowIfNull(post);
        return Read([post], post.Blogger?.Labels ?? [], file, PostIdentity.ExportKeyFor, withThreads: true);
    }

    public StoredSourceFile StoredFile(FileRecord file) => new(file.Id, file.LabelId, Links(file));

    private StoredPage Read(IReadOnlyList<ParsedPost> pagePosts, IReadOnlyList<string> labelNames, StoredSourceFile? file, Func<ParsedPost, string> keyOf, bool withThreads)
    {
        var labels = labelNames.Count == 0 ? [] : Labels(labelNames);
        var keys = pagePosts.Select(keyOf).Distinct(StringComparer.Ordinal).ToList();
        var bloggerIds = pagePosts.Select(p => p.Blogger?.Id).OfType<string>().ToList();
        var posts = Posts(keys, bloggerIds, file);
        var wanted = pagePosts.Select(PostIdentity.WantedPermalink).Distinct(StringComparer.Ordinal).ToList();
        var threads = !withThreads || posts.Count == 0 ? new Dictionary<int, IReadOnlyList<StoredComment>>() : Threads(posts);
        return new StoredPage(file, posts, labels, TakenPermalinks(wanted), threads);
    }

    private List<StoredLink> Links(FileRecord file)
    {
        var links = new List<StoredLink>(file.Posts);
        _links.Bind(1, file.Id).Bind(2, file.Label);
        while (_links.Read())
        {
            links.Add(new StoredLink(_links.Int32(0), _links.Int32(1), _links.Boolean(2)));
        }

        return links;
    }

    private List<StoredLabel> Labels(IReadOnlyList<string> names)
    {
        var labels = new List<StoredLabel>();
        _labels.Bind(1, JsonSerializer.Serialize(names));
        while (_labels.Read())
        {
            labels.Add(new StoredLabel(_labels.Int32(0), _labels.Text(1)));
        }

        return labels;
    }

    private List<StoredPost> Posts(List<string> keys, List<string> bloggerIds, StoredSourceFile? file)
    {
        var linked = file?.Links.Select(l => l.PostId) ?? [];
        _posts.Bind(1, JsonSerializer.Serialize(keys)).Bind(2, JsonSerializer.Serialize(linked)).Bind(3, (long?)file?.Id).Bind(4, JsonSerializer.Serialize(bloggerIds));
        var posts = new List<StoredPost>();
        while (_posts.Read())
        {
            var row = new PostRow(
                _posts.Text(1), _posts.Text(2), _posts.Boolean(3), _posts.NullableDate(4), _posts.Text(5), _posts.Text(6), _posts.Text(7), _posts.NullableInt32(8))
            {
                Kind = Enum.Parse<PostKind>(_posts.Text(9)),
                IsDraft = _posts.Boolean(10),
                BloggerId = _posts.NullableText(11),
                PublishedAt = _posts.NullableDateTimeOffset(12),
                BodyFormat = Enum.Parse<TextFormat>(_posts.Text(13)),
                SearchText = _posts.NullableText(14),
                AuthorName = _posts.NullableText(15),
                AuthorUri = _posts.NullableText(16),
            };
            var labelIds = JsonSerializer.Deserialize<int[]>(_posts.Text(18)) ?? [];
            posts.Add(new StoredPost(_posts.Int32(0), row, _posts.Boolean(17), labelIds.ToHashSet()));
        }

        return posts;
    }

    private Dictionary<string, int> TakenPermalinks(List<string> wanted)
    {
        var taken = new Dictionary<string, int>(StringComparer.Ordinal);
        _permalinks.Bind(1, JsonSerializer.Serialize(wanted));
        while (_permalinks.Read())
        {
            taken[_permalinks.Text(0)] = _permalinks.Int32(1);
        }

        return taken;
    }

    private Dictionary<int, IReadOnlyList<StoredComment>> Threads(List<StoredPost> posts)
    {
        var threads = new Dictionary<int, List<StoredComment>>();
        _threads.Bind(1, JsonSerializer.Serialize(posts.Select(p => p.Id)));
        while (_threads.Read())
        {
            var postId = _threads.Int32(0);
            if (!threads.TryGetValue(postId, out var thread))
            {
                threads[postId] = thread = [];
            }

            thread.Add(new StoredComment(_threads.Int32(1), _threads.NullableInt32(2), _threads.Int32(3), _threads.Text(4), _threads.Text(5), _threads.Int32(6))
            {
                Content = new CommentContent(
                    _threads.NullableText(7), _threads.NullableText(8), _threads.NullableText(9), _threads.NullableDateTimeOffset(10),
                    Enum.Parse<TextFormat>(_threads.Text(11)), _threads.NullableText(12)),
            });
        }

        return threads.ToDictionary(t => t.Key, t => (IReadOnlyList<StoredComment>)t.Value);
    }

    public void Dispose()
    {
        foreach (var statement in new[] { _file, _links, _posts, _labels, _permalinks, _threads })
        {
            statement.Dispose();
        }
    }
}
