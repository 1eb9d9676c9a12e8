using ProbationArchive.Core.Archive;
using ProbationArchive.Core.Parsing;

namespace ProbationArchive.Core.Import;

/// <summary>
/// Makes a post's stored comments match a page's threads. Comments are matched by their place in
/// the thread ("3.2"), so a re-import keeps their ids and changes only what changed.
/// </summary>
internal static class CommentSynchroniser
{
    /// <param name="stored">The post's comments, tracked, parents fixed up.</param>
    /// <returns>True when anything was added, changed or removed.</returns>
    public static bool Apply(Post post, IReadOnlyList<ParsedComment> threads, IEnumerable<Comment> stored, Action<Comment> remove)
    {
        var byPath = stored.ToDictionary(c => c.ThreadPath, StringComparer.Ordinal);
        var changed = false;
        var position = 0;
        Visit(threads, null, null);

        // Whatever is left is no longer on the page.
        foreach (var gone in byPath.Values)
        {
            remove(gone);
            changed = true;
        }

        return changed;

        void Visit(IReadOnlyList<ParsedComment> comments, string? parentPath, Comment? parent)
        {
            for (var i = 0; i < comments.Count; i++)
            {
                var parsed = comments[i];
                var path = parentPath is null ? $"{i + 1}" : $"{parentPath}.{i + 1}";
                if (byPath.Remove(path, out var comment))
                {
                    changed |= comment.Text != parsed.Text || comment.Position != position || !ReferenceEquals(comment.Parent, parent);
                    comment.Text = parsed.Text;
                    comment.Position = position;
                    comment.SourceLine = parsed.Line;
                    comment.Parent = parent;
                }
                else
                {
                    comment = new Comment { Post = post, Parent = parent, ThreadPath = path, Text = parsed.Text, Position = position, SourceLine = parsed.Line };
                    post.Comments.Add(comment);
                    changed = true;
                }

                position++;
                Visit(parsed.Replies, path, comment);
            }
        }
    }
}
