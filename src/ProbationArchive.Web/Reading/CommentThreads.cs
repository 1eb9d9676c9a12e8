using Microsoft.EntityFrameworkCore;
using ProbationArchive.Core.Data;

namespace ProbationArchive.Web.Reading;

/// <summary>Loads a post's comments in one query and arranges them into threads.</summary>
public static class CommentThreads
{
    public static async Task<IReadOnlyList<CommentNode>> LoadAsync(ArchiveDbContext db, int postId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var rows = await db.Comments.AsNoTracking()
            .Where(c => c.PostId == postId)
            .OrderBy(c => c.Position)
            .Select(c => new CommentRow(c.Id, c.ParentId, c.ThreadPath, c.Text)
            {
                Format = c.TextFormat,
                PlainOpening = c.TextFormat == Core.Archive.TextFormat.Html ? c.SearchText!.Substring(0, Core.Rendering.Excerpt.SourceLength) : null,
                Byline = c.AuthorName == null && c.PublishedAt == null ? null : new CommentByline(c.AuthorName, c.AuthorUri, c.PublishedAt),
            })
            .ToListAsync(cancellationToken);
        return Build(rows);
    }

    /// <summary>Rows in page order in, top-level comments out, each holding its replies in page order.</summary>
    public static IReadOnlyList<CommentNode> Build(IReadOnlyList<CommentRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        // Nodes first, links second: a reply is placed even if its parent came later in the rows.
        var nodes = rows.ToDictionary(r => r.Id, r => new CommentNode(r.Id, r.ThreadPath, r.Text) { Byline = r.Byline, Format = r.Format, PlainOpening = r.PlainOpening });
        var threads = new List<CommentNode>();
        foreach (var row in rows)
        {
            var node = nodes[row.Id];
            if (row.ParentId is { } parentId && parentId != row.Id && nodes.TryGetValue(parentId, out var parent) && !IsAncestor(node, parent))
            {
                parent.Add(node);
            }
            else
            {
                // A reply whose parent is missing is still shown, as a thread of its own.
                threads.Add(node);
            }
        }

        return threads;
    }

    private static bool IsAncestor(CommentNode candidate, CommentNode node)
    {
        for (var current = node; current is not null; current = current.Parent)
        {
            if (current == candidate)
            {
                return true;
            }
        }

        return false;
    }
}
