using Npgsql;
using NpgsqlTypes;
using ProbationArchive.Core.Data.PostgreSql;
using ProbationArchive.Core.Import.Planning;
using ProbationArchive.Core.Parsing;
using ProbationArchive.Core.Search;
using static ProbationArchive.Core.Import.Storage.PostgreSql.PostgreSqlCommands;
using static ProbationArchive.Core.Import.Storage.PostgreSql.PostgreSqlStatements;

namespace ProbationArchive.Core.Import.Storage.PostgreSql;

/// <summary>
/// Applies plans to PostgreSQL as SQLite's <see cref="PlanWriter"/> does, in the same order, with
/// the same columns (<see cref="ArchiveStatements.InsertedColumns"/>), deciding nothing. What
/// differs is the I/O: each round trip to the server costs more than a row, so a call sends its
/// statements as one batch, the ids of its new rows are taken from their sequences in one query
/// up front (so parents and replies can go in one batch), and new comments, most of the rows,
/// go by binary COPY.
/// </summary>
internal sealed class PostgreSqlPlanWriter(NpgsqlConnection connection) : IPlanWriter
{
    private static readonly string[] CommentColumns = ["Id", .. ArchiveStatements.InsertedColumns["Comments"]];

    private static readonly string CopyComments =
        $"""COPY "Comments" ({string.Join(", ", CommentColumns.Select(c => $"\"{c}\""))}) FROM STDIN (FORMAT BINARY)""";

    private const string TakeIds = """
        SELECT ARRAY(SELECT nextval(pg_get_serial_sequence('"Labels"', 'Id')) FROM generate_series(1, $1)),
               ARRAY(SELECT nextval(pg_get_serial_sequence('"Posts"', 'Id')) FROM generate_series(1, $2)),
               ARRAY(SELECT nextval(pg_get_serial_sequence('"Comments"', 'Id')) FROM generate_series(1, $3))
        """;

    public int Write(PagePlan plan, List<SearchEntryRow>? added)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var fileId = WriteFile(plan.File, plan.Warnings);
        WritePosts(fileId, plan.Content, added);
        WriteRemovals(fileId, plan.Removals);
        return fileId;
    }

    public int WriteFile(SourceFileRow file, IReadOnlyList<Diagnostic> warnings)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(warnings);
        using var batch = new NpgsqlBatch(connection);
        NpgsqlParameter[] Fields() =>
            [Text(file.Path), Text(file.ContentHash), Timestamp(file.ImportedAtUtc), Text(file.Outcome.ToString()), Text(file.PageKind.ToString()), Text(file.Label)];
        batch.BatchCommands.Add(file.Id is { } stored
            ? Command("""
                UPDATE "SourceFiles" SET "Path" = $1, "ContentHash" = $2, "ImportedAtUtc" = $3, "Outcome" = $4, "PageKind" = $5, "Label" = $6
                WHERE "Id" = $7 RETURNING "Id"
                """, [.. Fields(), Integer(stored)])
            : Command(Insert("SourceFiles", returningId: true), Fields()));
        if (file.Id is { } id)
        {
            batch.BatchCommands.Add(Command("""DELETE FROM "ImportDiagnostics" WHERE "SourceFileId" = $1""", Integer(id)));
        }

        foreach (var warning in warnings)
        {
            // The file's id is the one the first statement wrote: currval for a new file.
            var fileIdSql = file.Id is { } known ? Integer(known) : null;
            batch.BatchCommands.Add(fileIdSql is null
                ? Command(Insert("ImportDiagnostics", firstValue: """currval(pg_get_serial_sequence('"SourceFiles"', 'Id'))"""),
                    Integer(warning.Line), Text(warning.Severity.ToString()), Text(warning.Code), Text(warning.Message))
                : Command(Insert("ImportDiagnostics"), fileIdSql, Integer(warning.Line), Text(warning.Severity.ToString()), Text(warning.Code), Text(warning.Message)));
        }

        using var rows = batch.ExecuteReader();
        rows.Read();
        return rows.GetInt32(0);
    }

    public List<int> WritePosts(int fileId, PostsPlan plan, List<SearchEntryRow>? added)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var ids = NewIds(plan);
        var labelIds = plan.Labels.Select(l => l.Id is { } id ? (long)id : ids.Labels.Dequeue()).ToList();
        var written = new List<int>(plan.Posts.Count);
        var rows = new List<(long Id, long PostId, long? ParentId, CommentRow Comment)>();
        using var batch = new NpgsqlBatch(connection);
        using var updates = new NpgsqlBatch(connection);
        foreach (var (label, id) in plan.Labels.Zip(labelIds).Where(l => l.First.Id is null))
        {
            batch.BatchCommands.Add(Command(InsertWithId("Labels"), Integer(id), Text(label.Name)));
        }

        foreach (var post in plan.Posts)
        {
            var postId = post.Id ?? ids.Posts.Dequeue();
            written.Add((int)postId);
            if (post.Row is { } row)
            {
                var fields = PostFields(row);
                batch.BatchCommands.Add(post.Id is null
                    ? Command(InsertWithId("Posts"), [Integer(postId), .. fields])
                    : Command(UpdatePost, [.. fields, Integer(postId)]));
            }

            foreach (var label in post.AddLabels)
            {
                batch.BatchCommands.Add(Command(Insert("PostLabels"), Integer(postId), Integer(labelIds[label])));
            }

            batch.BatchCommands.Add(Command(
                post.Link.IsStored
                    ? """UPDATE "PostSources" SET "PositionInFile" = $3, "Line" = $4 WHERE "PostId" = $1 AND "SourceFileId" = $2"""
                    : Insert("PostSources"),
                Integer(postId), Integer(fileId), Integer(post.Link.Position), Integer(post.Link.Line)));
            if (post.Thread is { } thread)
            {
                Thread(postId, thread, ids.Comments, batch, updates, rows);
            }
        }

        Execute(batch);
        Copy(rows);
        Execute(updates);
        return written;
    }

    public void WriteRemovals(int fileId, IReadOnlyList<LinkRemoval> removals)
    {
        ArgumentNullException.ThrowIfNull(removals);
        using var batch = new NpgsqlBatch(connection);
        foreach (var removal in removals)
        {
            batch.BatchCommands.Add(Command("""DELETE FROM "PostSources" WHERE "PostId" = $1 AND "SourceFileId" = $2""", Integer(removal.PostId), Integer(fileId)));
            if (removal.LabelId is { } removedLabel)
            {
                batch.BatchCommands.Add(Command("""DELETE FROM "PostLabels" WHERE "PostId" = $1 AND "LabelId" = $2""", Integer(removal.PostId), Integer(removedLabel)));
            }
        }

        Execute(batch);
    }

    /// <summary>Removed comments first (deepest first), then new ones by COPY, then rewritten ones: a rewritten comment may now answer a new one.</summary>
    private static void Thread(long postId, ThreadPlan thread, Queue<long> newIds, NpgsqlBatch batch, NpgsqlBatch updates, List<(long, long, long?, CommentRow)> rows)
    {
        foreach (var removed in thread.Removed)
        {
            batch.BatchCommands.Add(Command("""DELETE FROM "Comments" WHERE "Id" = $1""", Integer(removed)));
        }

        var commentIds = new List<long>(thread.Comments.Count);
        foreach (var comment in thread.Comments)
        {
            var parentId = comment.ParentIndex < 0 ? (long?)null : commentIds[comment.ParentIndex];
            if (comment.StoredId is { } storedId)
            {
                if (comment.Changed)
                {
                    updates.BatchCommands.Add(Command(UpdateComment, [.. CommentFields(postId, parentId, comment), Integer(storedId)]));
                }

                commentIds.Add(storedId);
                continue;
            }

            var id = newIds.Dequeue();
            rows.Add((id, postId, parentId, comment));
            commentIds.Add(id);
        }
    }

    private void Copy(List<(long Id, long PostId, long? ParentId, CommentRow Comment)> rows)
    {
        if (rows.Count == 0)
        {
            return;
        }

        using var copy = connection.BeginBinaryImport(CopyComments);
        foreach (var (id, postId, parentId, comment) in rows)
        {
            var content = comment.Content;
            copy.StartRow();
            copy.Write((int)id, NpgsqlDbType.Integer);
            copy.Write((int)postId, NpgsqlDbType.Integer);
            Write(copy, parentId is { } parent ? (int)parent : null);
            copy.Write(comment.Position, NpgsqlDbType.Integer);
            copy.Write(comment.ThreadPath, NpgsqlDbType.Text);
            copy.Write(comment.Text, NpgsqlDbType.Text);
            copy.Write(comment.SourceLine, NpgsqlDbType.Integer);
            Write(copy, content.BloggerId);
            Write(copy, content.AuthorName);
            Write(copy, content.AuthorUri);
            Write(copy, content.PublishedAt is { } at ? PostgreSqlModel.FormatOffset(at) : null);
            copy.Write(content.Format.ToString(), NpgsqlDbType.Text);
            Write(copy, content.SearchText);
        }

        copy.Complete();
    }

    private static void Write(NpgsqlBinaryImporter copy, string? value)
    {
        if (value is null)
        {
            copy.WriteNull();
        }
        else
        {
            copy.Write(value, NpgsqlDbType.Text);
        }
    }

    private static void Write(NpgsqlBinaryImporter copy, int? value)
    {
        if (value is { } v)
        {
            copy.Write(v, NpgsqlDbType.Integer);
        }
        else
        {
            copy.WriteNull();
        }
    }

    private (Queue<long> Labels, Queue<long> Posts, Queue<long> Comments) NewIds(PostsPlan plan)
    {
        var labels = plan.Labels.Count(l => l.Id is null);
        var posts = plan.Posts.Count(p => p.Id is null);
        var comments = plan.Posts.Sum(p => p.Thread?.Comments.Count(c => c.StoredId is null) ?? 0);
        if (labels + posts + comments == 0)
        {
            return ([], [], []);
        }

        using var command = new NpgsqlCommand(TakeIds, connection) { Parameters = { Integer(labels), Integer(posts), Integer(comments) } };
        using var row = command.ExecuteReader();
        row.Read();
        return (new Queue<long>(row.GetFieldValue<long[]>(0)), new Queue<long>(row.GetFieldValue<long[]>(1)), new Queue<long>(row.GetFieldValue<long[]>(2)));
    }

    private static void Execute(NpgsqlBatch batch)
    {
        if (batch.BatchCommands.Count > 0)
        {
            batch.ExecuteNonQuery();
        }
    }

    public void Dispose()
    {
        // Nothing held between calls: each call's batch is its own.
    }
}
