using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using ProbationArchive.Core.Archive;
using ProbationArchive.Core.Data;

namespace ProbationArchive.Core.Import;

/// <summary>
/// Writes the comments of a post that had none stored: one prepared INSERT run per comment in
/// the file's transaction, instead of a tracked entity each. Comments are nine in ten rows of an
/// archive, and change tracking cost more than SQLite itself (docs/PERFORMANCE.md). Threads
/// that merge with stored comments still go through <see cref="CommentSynchroniser"/>.
/// </summary>
internal sealed class NewThreadWriter(ArchiveDbContext db) : IAsyncDisposable
{
    private readonly List<(Post Post, List<Comment> Comments)> _threads = [];

    // Prepared once for a whole run: the connection stays open for it (ImportConnection).
    private DbCommand? _insert;

    /// <summary>Takes the post's new comments out of change tracking, to be written by <see cref="WriteAsync"/>.</summary>
    public void Take(Post post)
    {
        _threads.Add((post, [.. post.Comments]));
        post.Comments.Clear();
    }

    /// <summary>Forgets threads taken but not written: their file failed, and the next file must not write them.</summary>
    public void Clear() => _threads.Clear();

    /// <summary>Call after SaveChanges, so every post has its id; comments come in page order, parents first.</summary>
    public async Task WriteAsync(CancellationToken cancellationToken)
    {
        if (_threads.Count == 0)
        {
            return;
        }

        var insert = _insert ??= CreateInsert();
        insert.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        foreach (var (post, comments) in _threads)
        {
            foreach (var comment in comments)
            {
                comment.PostId = post.Id;
                comment.ParentId = comment.Parent?.Id;
                insert.Parameters[0].Value = comment.PostId;
                insert.Parameters[1].Value = comment.ParentId is { } parentId ? parentId : DBNull.Value;
                insert.Parameters[2].Value = comment.Position;
                insert.Parameters[3].Value = comment.ThreadPath;
                insert.Parameters[4].Value = comment.Text;
                insert.Parameters[5].Value = comment.SourceLine;
                comment.Id = Convert.ToInt32(await insert.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        _threads.Clear();
    }

    private DbCommand CreateInsert()
    {
        var entity = db.Model.FindEntityType(typeof(Comment))!;
        string[] properties = [nameof(Comment.PostId), nameof(Comment.ParentId), nameof(Comment.Position), nameof(Comment.ThreadPath), nameof(Comment.Text), nameof(Comment.SourceLine)];
        var columns = properties.Select(p => $"\"{entity.FindProperty(p)!.GetColumnName()}\"");
        var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        command.CommandText = $"INSERT INTO \"{entity.GetTableName()}\" ({string.Join(", ", columns)}) " +
            $"VALUES ({string.Join(", ", properties.Select((_, i) => $"@p{i}"))}) RETURNING \"{entity.FindPrimaryKey()!.Properties[0].GetColumnName()}\"";
        for (var i = 0; i < properties.Length; i++)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = $"@p{i}";
            command.Parameters.Add(parameter);
        }

        command.Prepare();
        return command;
    }

    public async ValueTask DisposeAsync()
    {
        if (_insert is not null)
        {
            await _insert.DisposeAsync();
        }
    }
}
