using System.Globalization;
using Npgsql;
using ProbationArchive.Core.Data.PostgreSql;
using ProbationArchive.Core.Import.Planning;
using static ProbationArchive.Core.Import.Storage.PostgreSql.PostgreSqlCommands;

namespace ProbationArchive.Core.Import.Storage.PostgreSql;

/// <summary>
/// The SQL <see cref="PostgreSqlPlanWriter"/> sends, built from the same column lists as SQLite's
/// (<see cref="ArchiveStatements.InsertedColumns"/>, which a test holds to the model), and the
/// parameters of a post's and a comment's row in that order.
/// </summary>
internal static class PostgreSqlStatements
{
    public static readonly string UpdatePost = Update("Posts");

    public static readonly string UpdateComment = Update("Comments");

    /// <param name="returningId">Answer the new row's id.</param>
    /// <param name="firstValue">An expression for the first column instead of a parameter (the parameters then start at $1 with the second).</param>
    public static string Insert(string table, bool returningId = false, string? firstValue = null)
    {
        var columns = ArchiveStatements.InsertedColumns[table];
        var values = columns.Select((_, i) => Placeholder(firstValue is null ? i + 1 : i)).ToList();
        if (firstValue is not null)
        {
            values[0] = firstValue;
        }

        return $"INSERT INTO \"{table}\" ({Names(columns)}) VALUES ({string.Join(", ", values)}){(returningId ? " RETURNING \"Id\"" : "")}";
    }

    /// <summary>An INSERT whose id ($1) was taken from the table's sequence beforehand.</summary>
    public static string InsertWithId(string table)
    {
        string[] columns = ["Id", .. ArchiveStatements.InsertedColumns[table]];
        return $"INSERT INTO \"{table}\" ({Names(columns)}) VALUES ({string.Join(", ", columns.Select((_, i) => Placeholder(i + 1)))})";
    }

    public static NpgsqlParameter[] PostFields(PostRow row) =>
    [
        Text(row.IdentityKey), Text(row.Title), Boolean(row.TitleIsDerived), Date(row.PublishedOn), Text(row.Slug), Text(row.Permalink),
        Text(row.Body), Integer(row.DeclaredCommentCount), Text(row.Kind.ToString()), Boolean(row.IsDraft), Text(row.BloggerId),
        Text(row.PublishedAt is { } at ? PostgreSqlModel.FormatOffset(at) : null), Text(row.BodyFormat.ToString()), Text(row.SearchText),
        Text(row.AuthorName), Text(row.AuthorUri),
    ];

    public static NpgsqlParameter[] CommentFields(long postId, long? parentId, CommentRow comment)
    {
        var content = comment.Content;
        return
        [
            Integer(postId), Integer(parentId), Integer(comment.Position), Text(comment.ThreadPath), Text(comment.Text), Integer(comment.SourceLine),
            Text(content.BloggerId), Text(content.AuthorName), Text(content.AuthorUri),
            Text(content.PublishedAt is { } at ? PostgreSqlModel.FormatOffset(at) : null), Text(content.Format.ToString()), Text(content.SearchText),
        ];
    }

    /// <summary>Every inserted column set from $1 on, the row found by "Id" = the next parameter.</summary>
    private static string Update(string table)
    {
        var columns = ArchiveStatements.InsertedColumns[table];
        var set = string.Join(", ", columns.Select((c, i) => $"\"{c}\" = {Placeholder(i + 1)}"));
        return $"UPDATE \"{table}\" SET {set} WHERE \"Id\" = {Placeholder(columns.Length + 1)}";
    }

    private static string Names(IEnumerable<string> columns) => string.Join(", ", columns.Select(c => $"\"{c}\""));

    private static string Placeholder(int index) => "$" + index.ToString(CultureInfo.InvariantCulture);
}
