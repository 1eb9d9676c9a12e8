using System.Globalization;
using Microsoft.Data.Sqlite;
using ProbationArchive.Core.Import;
using ProbationArchive.Core.Parsing;
using ProbationArchive.Core.Search;

namespace ProbationArchive.Benchmarks.Import;

/// <summary>
/// The floor the importer is measured against: the same files read, hashed and parsed, and the
/// same rows written into the same migrated schema (indexes and search triggers included), but
/// with plain Microsoft.Data.Sqlite: one transaction, prepared statements, ids assigned here,
/// every merge decided in memory. It only knows how to fill an empty archive.
/// </summary>
internal sealed class BaselineWriter : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly SqliteCommand _insertSource;
    private readonly SqliteCommand _insertLabel;
    private readonly SqliteCommand _insertPost;
    private readonly SqliteCommand _updateDeclared;
    private readonly SqliteCommand _insertComment;
    private readonly SqliteCommand _insertPostLabel;
    private readonly SqliteCommand _insertPostSource;
    private readonly SqliteCommand _insertDiagnostic;
    private readonly Dictionary<string, long> _posts = new(StringComparer.Ordinal);
    private readonly HashSet<string> _permalinks = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _labels = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<(long Post, long Label)> _postLabels = [];
    private readonly string _importedAt = DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);
    private long _lastSourceId;
    private long _lastCommentId;
    private List<SearchEntryRow> _searchEntries = [];

    private BaselineWriter(SqliteConnection connection)
    {
        _connection = connection;
        _insertSource = Prepare("INSERT INTO SourceFiles (Id, Path, ContentHash, ImportedAtUtc, Outcome, PageKind, Label) VALUES ($1, $2, $3, $4, $5, $6, $7)");
        _insertLabel = Prepare("INSERT INTO Labels (Id, Name) VALUES ($1, $2)");
        _insertPost = Prepare("INSERT INTO Posts (Id, IdentityKey, Title, TitleIsDerived, PublishedOn, Slug, Permalink, Body, DeclaredCommentCount) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)");
        _updateDeclared = Prepare("UPDATE Posts SET DeclaredCommentCount = $2 WHERE Id = $1");
        _insertComment = Prepare("INSERT INTO Comments (Id, PostId, ParentId, Position, ThreadPath, Text, SourceLine) VALUES ($1, $2, $3, $4, $5, $6, $7)");
        _insertPostLabel = Prepare("INSERT INTO PostLabels (PostId, LabelId) VALUES ($1, $2)");
        _insertPostSource = Prepare("INSERT INTO PostSources (PostId, SourceFileId, PositionInFile, Line) VALUES ($1, $2, $3, $4)");
        _insertDiagnostic = Prepare("INSERT INTO ImportDiagnostics (SourceFileId, Line, Severity, Code, Message) VALUES ($1, $2, $3, $4, $5)");
    }

    /// <summary>
    /// Writes every file under <paramref name="pagesFolder"/> in one transaction, the search triggers
    /// suspended, while <see cref="SearchIndexBuilder"/> indexes the rows on the other core, as the
    /// importer does on a first import: the same rows, the fastest way SQLite offers. Returns the
    /// files written and the time to install the index at the end.
    /// </summary>
    public static async Task<(int Files, TimeSpan SearchIndex)> WriteAsync(string connectionString, string pagesFolder, IProgress<int> progress, CancellationToken cancellationToken)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using (var pragma = connection.CreateCommand())
        {
            // As the importer's connection (ImportConnection).
            pragma.CommandText = "PRAGMA synchronous=NORMAL; PRAGMA cache_size=-65536;";
            await pragma.ExecuteNonQueryAsync(cancellationToken);
        }

        await SearchIndexRebuild.SuspendAsync(connection, null, cancellationToken);
        await using var index = SearchIndexBuilder.Start(connection.DataSource, await SearchIndexRebuild.DefinitionAsync(connection, null, cancellationToken));
        using var writer = new BaselineWriter(connection);
        var transaction = writer.Begin();
        var files = 0;
        foreach (var entry in ImportPathExpander.Expand([pagesFolder]))
        {
            var content = await SourceFileReader.ReadAsync(entry.Path, new ImportOptions().MaxFileBytes, cancellationToken);
            var page = BlogPageParser.Parse(content.Text ?? "");
            if (!page.HasErrors)
            {
                writer.Write(entry.Path, content.Hash, page);
                await index.AddAsync(writer._searchEntries, cancellationToken);
                writer._searchEntries = [];
            }

            progress.Report(++files);
        }

        await transaction.CommitAsync(cancellationToken);
        await transaction.DisposeAsync();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        await index.InstallAsync(connection, cancellationToken);
        return (files, clock.Elapsed);
    }

    private SqliteTransaction Begin()
    {
        var transaction = _connection.BeginTransaction();
        foreach (var command in Commands)
        {
            command.Transaction = transaction;
            command.Prepare();
        }

        return transaction;
    }

    private IEnumerable<SqliteCommand> Commands =>
        [_insertSource, _insertLabel, _insertPost, _updateDeclared, _insertComment, _insertPostLabel, _insertPostSource, _insertDiagnostic];

    private void Write(string path, string hash, ParsedPage page)
    {
        var sourceId = ++_lastSourceId;
        var warnings = page.Warnings.ToList();
        Run(_insertSource, sourceId, path, hash, _importedAt, warnings.Count == 0 ? "Imported" : "ImportedWithWarnings", page.Kind.ToString(), page.Label);
        foreach (var warning in warnings)
        {
            Run(_insertDiagnostic, sourceId, warning.Line, warning.Severity.ToString(), warning.Code, warning.Message);
        }

        long? labelId = null;
        if (page.Label is { } name)
        {
            if (!_labels.TryGetValue(name, out var id))
            {
                id = _labels[name] = _labels.Count + 1;
                Run(_insertLabel, id, name);
            }

            labelId = id;
        }

        for (var position = 0; position < page.Posts.Count; position++)
        {
            var parsed = page.Posts[position];
            var postId = Post(parsed, page.Kind);
            if (labelId is { } label && _postLabels.Add((postId, label)))
            {
                Run(_insertPostLabel, postId, label);
            }

            if (page.Kind != PageKind.LabelPage)
            {
                WriteComments(postId, parsed.Comments, null, null);
            }

            Run(_insertPostSource, postId, sourceId, position, parsed.Line);
        }
    }

    private long Post(ParsedPost parsed, PageKind kind)
    {
        var key = PostIdentity.KeyFor(parsed);
        var declared = kind == PageKind.LabelPage ? null : parsed.DeclaredCommentCount;
        if (_posts.TryGetValue(key, out var id))
        {
            if (kind != PageKind.LabelPage)
            {
                Run(_updateDeclared, id, declared);
            }

            return id;
        }

        id = _posts[key] = _posts.Count + 1;
        var slug = PostIdentity.SlugFor(parsed.Title);
        var wanted = PostIdentity.PermalinkFor(parsed.Date, slug);
        var permalink = wanted;
        for (var n = 2; !_permalinks.Add(permalink); n++)
        {
            permalink = $"{wanted}-{n}";
        }

        Run(_insertPost, id, key, parsed.Title, parsed.TitleIsDerived, parsed.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            slug, permalink, parsed.Body, declared);
        _searchEntries.Add(new SearchEntryRow(-id, parsed.Title, parsed.Body, (int)id, null));
        return id;
    }

    /// <summary>Pre-order, as the importer numbers them: position counts replies where they stand.</summary>
    private int WriteComments(long postId, IReadOnlyList<ParsedComment> comments, long? parentId, string? parentPath, int position = 0)
    {
        for (var i = 0; i < comments.Count; i++)
        {
            var path = parentPath is null ? $"{i + 1}" : $"{parentPath}.{i + 1}";
            var id = ++_lastCommentId;
            Run(_insertComment, id, postId, parentId, position++, path, comments[i].Text, comments[i].Line);
            _searchEntries.Add(new SearchEntryRow(id, "", comments[i].Text, (int)postId, (int)id));
            position = WriteComments(postId, comments[i].Replies, id, path, position);
        }

        return position;
    }

    private SqliteCommand Prepare(string sql)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        var parameters = sql.Count(c => c == '$');
        for (var i = 1; i <= parameters; i++)
        {
            command.Parameters.Add(new SqliteParameter($"${i}", null));
        }

        return command;
    }

    private static void Run(SqliteCommand command, params object?[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i] ?? DBNull.Value;
        }

        command.ExecuteNonQuery();
    }

    public void Dispose()
    {
        foreach (var command in Commands)
        {
            command.Dispose();
        }
    }
}
