using Microsoft.EntityFrameworkCore;
using ProbationArchive.Core.Data;

namespace ProbationArchive.Web.Reading;

/// <summary>Which page of a post's comments holds a comment: the target of a comment's lasting address ("?comment=12093").</summary>
public static class CommentPlacement
{
    /// <summary>The page (from 1) that holds the comment, null when the post has no such comment.</summary>
    public static async Task<int?> PageOfAsync(ArchiveDbContext db, int postId, int commentId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        // The threads' shape without their text: paged by the same rules as the page itself.
        var rows = await db.Comments.AsNoTracking()
            .Where(c => c.PostId == postId)
            .OrderBy(c => c.Position)
            .Select(c => new CommentRow(c.Id, c.ParentId, c.ThreadPath, ""))
            .ToListAsync(cancellationToken);
        var threads = CommentThreads.Build(rows);
        var pages = CommentPages.Split(threads);
        for (var i = 0; i < threads.Count; i++)
        {
            if (Holds(threads[i], commentId))
            {
                return pages.PageOfThread(i);
            }
        }

        return null;
    }

    private static bool Holds(CommentNode node, int commentId) =>
        node.Id == commentId || node.Replies.Any(r => Holds(r, commentId));
}
