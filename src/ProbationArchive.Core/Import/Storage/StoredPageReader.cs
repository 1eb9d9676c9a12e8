using System.Text.Json;
using Microsoft.Data.Sqlite;
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
               EXISTS (SELECT 1 FROM PostSources s JOIN SourceFiles f ON f.Id = s.SourceFileId
                       WHERE s.PostId = p.Id AND s.SourceFileId IS NOT ?3 AND f.PageKind <> '{nameof(PageKind.LabelPage)}'),
               EXISTS (SELECT 1 FROM PostLabels l WHERE l.PostId = p.Id AND l.LabelId = ?4)
        FROM Posts p
        WHERE p.Id IN (SELECT Id FROM Posts WHERE IdentityKey IN (SELECT value FROM json_each(?1)) UNION SELECT value FROM json_each(?2))
        ORDER BY p.Id
        """);

    private readonly SqliteStatement _label = new(connection, "SELECT Id, Name FROM Labels WHERE Name = ?1");

    // "a-2", "a-3"… sort between "a-" and "a." ('.' follows '-'), so one index range finds them.
    private readonly SqliteStatement _permalinks = new(connection, """
        SELECT p.Permalink, p.Id FROM json_each(?1) w
        JOIN Posts p ON p.Permalink = w.value OR (p.Permalink > w.value || '-' AND p.Permalink < w.value || '.')
        """);

    private readonly SqliteStatement _threads = new(connection, """
        SELECT PostId, Id, ParentId, Position, ThreadPath, Text, SourceLine
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
        var label = page.Label is null ? null : Label(page.Label);
        var keys = page.Posts.Select(PostIdentity.KeyFor).Distinct(StringComparer.Ordinal).ToList();
        var posts = Posts(keys, storedFile, label);
        var wanted = page.Posts.Select(p => PostIdentity.PermalinkFor(p.Date, PostIdentity.SlugFor(p.Title))).Distinct(StringComparer.Ordinal).ToList();
        var threads = page.Kind == PageKind.LabelPage || posts.Count == 0 ? new Dictionary<int, IReadOnlyList<StoredComment>>() : Threads(posts);
        return new StoredPage(storedFile, posts, label, TakenPermalinks(wanted), threads);
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

    private StoredLabel? Label(string name)
    {
        _label.Bind(1, name);
        if (!_label.Read())
        {
            return null;
        }

        var label = new StoredLabel(_label.Int32(0), _label.Text(1));
        _label.Reset();
        return label;
    }

    private List<StoredPost> Posts(List<string> keys, StoredSourceFile? file, StoredLabel? label)
    {
        var linked = file?.Links.Select(l => l.PostId) ?? [];
        _posts.Bind(1, JsonSerializer.Serialize(keys)).Bind(2, JsonSerializer.Serialize(linked)).Bind(3, (long?)file?.Id).Bind(4, (long?)label?.Id);
        var posts = new List<StoredPost>();
        while (_posts.Read())
        {
            var row = new PostRow(
                _posts.Text(1), _posts.Text(2), _posts.Boolean(3), _posts.NullableDate(4), _posts.Text(5), _posts.Text(6), _posts.Text(7), _posts.NullableInt32(8));
            posts.Add(new StoredPost(_posts.Int32(0), row, _posts.Boolean(9), _posts.Boolean(10)));
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

            thread.Add(new StoredComment(_threads.Int32(1), _threads.NullableInt32(2), _threads.Int32(3), _threads.Text(4), _threads.Text(5), _threads.Int32(6)));
        }

        return threads.ToDictionary(t => t.Key, t => (IReadOnlyList<StoredComment>)t.Value);
    }

    public void Dispose()
    {
        foreach (var statement in new[] { _file, _links, _posts, _label, _permalinks, _threads })
        {
            statement.Dispose();
        }
    }
}
