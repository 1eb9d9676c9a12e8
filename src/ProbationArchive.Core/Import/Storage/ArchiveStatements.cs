using Microsoft.Data.Sqlite;
using ProbationArchive.Core.Data;

namespace ProbationArchive.Core.Import.Storage;

/// <summary>
/// The statements <see cref="PlanWriter"/> runs, prepared once a run. The INSERTs name every
/// column the EF model maps for their table (<see cref="InsertedColumns"/>; a test holds them to
/// the model), so a column added by a migration cannot be left out silently.
/// </summary>
internal sealed class ArchiveStatements(SqliteConnection connection) : IDisposable
{
    /// <summary>Each table the writer inserts into, with the columns it fills, in parameter order.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> InsertedColumns = new Dictionary<string, string[]>
    {
        ["SourceFiles"] = ["Path", "ContentHash", "ImportedAtUtc", "Outcome", "PageKind", "Label"],
        ["ImportDiagnostics"] = ["SourceFileId", "Line", "Severity", "Code", "Message"],
        ["Labels"] = ["Name"],
        ["Posts"] =
        [
            "IdentityKey", "Title", "TitleIsDerived", "PublishedOn", "Slug", "Permalink", "Body", "DeclaredCommentCount",
            "Kind", "IsDraft", "BloggerId", "PublishedAt", "BodyFormat", "SearchText", "AuthorName", "AuthorUri",
        ],
        ["PostLabels"] = ["PostId", "LabelId"],
        ["PostSources"] = ["PostId", "SourceFileId", "PositionInFile", "Line"],
        ["Comments"] =
        [
            "PostId", "ParentId", "Position", "ThreadPath", "Text", "SourceLine",
            "BloggerId", "AuthorName", "AuthorUri", "PublishedAt", "TextFormat", "SearchText",
        ],
    };

    public SqliteStatement InsertSourceFile { get; } = Insert(connection, "SourceFiles");

    public SqliteStatement UpdateSourceFile { get; } = new(connection,
        "UPDATE SourceFiles SET Path = ?1, ContentHash = ?2, ImportedAtUtc = ?3, Outcome = ?4, PageKind = ?5, Label = ?6 WHERE Id = ?7");

    public SqliteStatement InsertDiagnostic { get; } = Insert(connection, "ImportDiagnostics");

    public SqliteStatement DeleteDiagnostics { get; } = new(connection, "DELETE FROM ImportDiagnostics WHERE SourceFileId = ?1");

    public SqliteStatement InsertLabel { get; } = Insert(connection, "Labels");

    public SqliteStatement InsertPost { get; } = Insert(connection, "Posts");

    public SqliteStatement UpdatePost { get; } = new(connection, """
        UPDATE Posts SET IdentityKey = ?1, Title = ?2, TitleIsDerived = ?3, PublishedOn = ?4, Slug = ?5, Permalink = ?6, Body = ?7, DeclaredCommentCount = ?8,
            Kind = ?9, IsDraft = ?10, BloggerId = ?11, PublishedAt = ?12, BodyFormat = ?13, SearchText = ?14, AuthorName = ?15, AuthorUri = ?16
        WHERE Id = ?17
        """);

    public SqliteStatement InsertPostLabel { get; } = Insert(connection, "PostLabels");

    public SqliteStatement DeletePostLabel { get; } = new(connection, "DELETE FROM PostLabels WHERE PostId = ?1 AND LabelId = ?2");

    public SqliteStatement InsertPostSource { get; } = Insert(connection, "PostSources");

    public SqliteStatement UpdatePostSource { get; } = new(connection,
        "UPDATE PostSources SET PositionInFile = ?3, Line = ?4 WHERE PostId = ?1 AND SourceFileId = ?2");

    public SqliteStatement DeletePostSource { get; } = new(connection, "DELETE FROM PostSources WHERE PostId = ?1 AND SourceFileId = ?2");

    public SqliteStatement InsertComment { get; } = Insert(connection, "Comments");

    public SqliteStatement UpdateComment { get; } = new(connection, """
        UPDATE Comments SET PostId = ?1, ParentId = ?2, Position = ?3, ThreadPath = ?4, Text = ?5, SourceLine = ?6,
            BloggerId = ?7, AuthorName = ?8, AuthorUri = ?9, PublishedAt = ?10, TextFormat = ?11, SearchText = ?12
        WHERE Id = ?13
        """);

    public SqliteStatement DeleteComment { get; } = new(connection, "DELETE FROM Comments WHERE Id = ?1");

    private static SqliteStatement Insert(SqliteConnection connection, string table)
    {
        var columns = InsertedColumns[table];
        var values = string.Join(", ", columns.Select((_, i) => $"?{i + 1}"));
        return new SqliteStatement(connection, $"INSERT INTO \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) VALUES ({values})");
    }

    public void Dispose()
    {
        foreach (var statement in new[]
        {
            InsertSourceFile, UpdateSourceFile, InsertDiagnostic, DeleteDiagnostics, InsertLabel, InsertPost, UpdatePost,
            InsertPostLabel, DeletePostLabel, InsertPostSource, UpdatePostSource, DeletePostSource, InsertComment, UpdateComment, DeleteComment,
        })
        {
            statement.Dispose();
        }
    }
}
