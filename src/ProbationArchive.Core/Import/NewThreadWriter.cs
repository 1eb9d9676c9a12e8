using ProbationArchive.Core.Archive;
using ProbationArchive.Core.Data;

namespace ProbationArchive.Core.Import;

/// <summary>
/// Writes the comments of a post that had none stored with one prepared INSERT per comment,
/// instead of a tracked entity each. Comments are nine in ten rows of an archive, and change
/// tracking cost more than SQLite itself (docs/PERFORMANCE.md). Threads that merge with stored
/// comments still go through <see cref="CommentSynchroniser"/>.
/// </summary>
internal sealed class NewThreadWriter(ArchiveDbContext db) : IAsyncDisposable
{
    private readonly List<(Post Post, List<Comment> Comments)> _threads = [];
    private readonly RowInserter<Comment> _comments = new(db);

    /// <summary>Takes the post's new comments out of change tracking, to be written by <see cref="WriteAsync"/>.</summary>
    public IReadOnlyList<Comment> Take(Post post)
    {
        List<Comment> comments = [.. post.Comments];
        _threads.Add((post, comments));
        post.Comments.Clear();
        return comments;
    }

    /// <summary>Forgets threads taken but not written: their file failed, and the next file must not write them.</summary>
    public void Clear() => _threads.Clear();

    /// <summary>Call once every post has its id (after SaveChanges); comments come in page order, parents first.</summary>
    public async Task WriteAsync(CancellationToken cancellationToken)
    {
        foreach (var (post, comments) in _threads)
        {
            foreach (var comment in comments)
            {
                comment.PostId = post.Id;
                comment.ParentId = comment.Parent?.Id;
                await _comments.InsertAsync(comment, cancellationToken);
            }
        }

        _threads.Clear();
    }

    public ValueTask DisposeAsync() => _comments.DisposeAsync();
}
