using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using ProbationArchive.Core.Data;
using ProbationArchive.Core.Parsing;
using ProbationArchive.Core.Parsing.Blogger;
using ProbationArchive.Core.Rendering;

namespace ProbationArchive.Core.Import.Blogger;

/// <summary>
/// Holds an export's entries, sanitised, in a scratch SQLite file while it is imported, so memory
/// stays bounded whatever the export's size: a comment may come anywhere in the file, before or
/// after its post, and each post is planned with all its comments. Reading the whole file first
/// also means a malformed or truncated export is refused before anything is stored.
/// </summary>
internal sealed class ExportScratch : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"probation-export-{Guid.NewGuid():N}.db");
    private readonly SqliteConnection _connection;

    private const string Columns = "Kind, Id, Post, Parent, Line, Title, Html, Text, Images, Published, AuthorName, AuthorUri, IsDraft, Address, Labels";

    public ExportScratch()
    {
        _connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = _path, Pooling = false }.ToString());
        _connection.Open();
        foreach (var sql in new[]
        {
            "PRAGMA journal_mode = OFF", "PRAGMA synchronous = OFF",
            $"CREATE TABLE Entries (Seq INTEGER PRIMARY KEY, {Columns.Replace("Id,", "Id UNIQUE,", StringComparison.Ordinal)})",
            "CREATE INDEX Entries_Post ON Entries (Post, Seq)", "BEGIN",
        })
        {
            SqliteStatement.Run(_connection, sql);
        }
    }

    /// <summary>Reads the whole export into the scratch file; throws <see cref="BloggerExportException"/> if it cannot be read.</summary>
    public void Fill(Stream export, List<Diagnostic> diagnostics, BloggerExportCounts counts)
    {
        using var insert = new SqliteStatement(_connection, $"INSERT OR IGNORE INTO Entries ({Columns}) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)");
        // Sanitising is most of the work, and each entry's is its own: the cores share it, in file
        // order, a few entries ahead of the inserts (the reader itself runs one entry at a time).
        var sanitised = BloggerExportReader.Read(export, diagnostics, counts)
            .AsParallel().AsOrdered().WithMergeOptions(ParallelMergeOptions.NotBuffered)
            .Select(entry => (Entry: entry, Content: BloggerHtml.Sanitize(entry.Html)));
        foreach (var (entry, content) in Unwrapped(sanitised))
        {
            insert.Bind(1, (long)entry.Kind).Bind(2, entry.Id.ToString()).Bind(3, entry.Post?.ToString()).Bind(4, entry.ParentComment?.ToString())
                .Bind(5, entry.Line).Bind(6, entry.Title).Bind(7, content.Html).Bind(8, content.Text).Bind(9, JsonSerializer.Serialize(content.Images))
                .Bind(10, entry.Published?.ToString("O", CultureInfo.InvariantCulture)).Bind(11, entry.AuthorName).Bind(12, entry.AuthorUri)
                .Bind(13, entry.IsDraft).Bind(14, entry.Address).Bind(15, JsonSerializer.Serialize(entry.Labels));
            if (insert.ExecuteCountingRows() == 0)
            {
                diagnostics.Add(new Diagnostic(entry.Line, DiagnosticSeverity.Warning, "duplicate-entry", $"a second entry with the id {entry.Id}; only the first is kept"));
            }
        }

        SqliteStatement.Run(_connection, "COMMIT");
    }

    /// <summary>The reader's own exception, not PLINQ's wrapper around it.</summary>
    private static IEnumerable<T> Unwrapped<T>(ParallelQuery<T> items)
    {
        using var enumerator = items.GetEnumerator();
        while (true)
        {
            try
            {
                if (!enumerator.MoveNext())
                {
                    yield break;
                }
            }
            catch (AggregateException e) when (e.InnerExceptions is [BloggerExportException inner])
            {
                throw inner;
            }

            yield return enumerator.Current;
        }
    }

    /// <summary>Each post and page, in file order, with its comments; then a warning for each comment whose post the export lacks.</summary>
    public IEnumerable<ParsedPost> Posts(List<Diagnostic> diagnostics)
    {
        using var posts = new SqliteStatement(_connection, $"SELECT {Columns} FROM Entries WHERE Kind <> {(int)BloggerEntryKind.Comment} ORDER BY Seq");
        using var comments = new SqliteStatement(_connection, $"SELECT {Columns} FROM Entries WHERE Post = ?1 AND Kind = {(int)BloggerEntryKind.Comment} ORDER BY Seq");
        while (posts.Read())
        {
            var post = Entry(posts);
            var thread = new List<SanitizedEntry>();
            comments.Bind(1, post.Entry.Id.ToString());
            while (comments.Read())
            {
                thread.Add(Entry(comments));
            }

            yield return BloggerPostBuilder.Build(post, thread, diagnostics);
        }

        using var orphans = new SqliteStatement(_connection, $"""
            SELECT Line, Post FROM Entries c WHERE c.Kind = {(int)BloggerEntryKind.Comment}
            AND NOT EXISTS (SELECT 1 FROM Entries p WHERE p.Id = c.Post AND p.Kind <> {(int)BloggerEntryKind.Comment}) ORDER BY Seq
            """);
        while (orphans.Read())
        {
            diagnostics.Add(new Diagnostic(orphans.Int32(0), DiagnosticSeverity.Warning, "comment-without-post", $"the comment is on {orphans.Text(1)}, which the export does not hold; it is left out"));
        }
    }

    private static SanitizedEntry Entry(SqliteStatement row)
    {
        var entry = new BloggerEntry(
            row.Int32(4), (BloggerEntryKind)row.Int32(0), Id(row.Text(1))!.Value, row.Text(5), "",
            row.NullableText(9) is { } published ? DateTimeOffset.Parse(published, CultureInfo.InvariantCulture) : null,
            row.NullableText(10), row.NullableText(11), row.Boolean(12), row.NullableText(13),
            JsonSerializer.Deserialize<List<string>>(row.Text(14)) ?? [], Id(row.NullableText(2)), Id(row.NullableText(3)));
        return new SanitizedEntry(entry, new SanitizedHtml(row.Text(6), row.Text(7), JsonSerializer.Deserialize<List<string>>(row.Text(8)) ?? []));
    }

    private static BloggerId? Id(string? text) => text?.Split('.') is [var blog, var number] ? new BloggerId(blog, number) : null;

    public void Dispose()
    {
        _connection.Dispose();
        File.Delete(_path);
    }
}
