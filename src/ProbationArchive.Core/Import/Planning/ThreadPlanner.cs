using ProbationArchive.Core.Parsing;

namespace ProbationArchive.Core.Import.Planning;

/// <summary>
/// Matches a page's threads to a post's stored comments by their place in the thread ("3.2" is
/// the second reply to the third comment), so a re-import keeps comment ids and rewrites only
/// what changed; stored comments the page no longer has are removed.
/// </summary>
public static class ThreadPlanner
{
    public static ThreadPlan Plan(IReadOnlyList<StoredComment> stored, IReadOnlyList<ParsedComment> threads)
    {
        ArgumentNullException.ThrowIfNull(stored);
        ArgumentNullException.ThrowIfNull(threads);
        var byPath = stored.Count == 0 ? null : stored.ToDictionary(c => c.ThreadPath, StringComparer.Ordinal);
        var rows = new List<CommentRow>();
        Visit(threads, null, -1);

        // Replies before the comments they answer: a parent cannot go while a reply points at it.
        IReadOnlyList<int> removed = byPath is null
            ? []
            : [.. byPath.Values.OrderByDescending(c => c.ThreadPath.Count(ch => ch == '.')).ThenBy(c => c.Id).Select(c => c.Id)];
        return new ThreadPlan(rows, removed);

        void Visit(IReadOnlyList<ParsedComment> comments, string? parentPath, int parentIndex)
        {
            for (var i = 0; i < comments.Count; i++)
            {
                var parsed = comments[i];
                var path = parentPath is null ? $"{i + 1}" : $"{parentPath}.{i + 1}";
                var position = rows.Count;
                if (byPath is not null && byPath.Remove(path, out var match))
                {
                    var parentId = parentIndex < 0 ? null : rows[parentIndex].StoredId;
                    var changed = match.Text != parsed.Text || match.Position != position || match.ParentId != parentId || match.SourceLine != parsed.Line;
                    rows.Add(new CommentRow(match.Id, parentIndex, path, position, parsed.Text, parsed.Line, changed));
                }
                else
                {
                    rows.Add(new CommentRow(null, parentIndex, path, position, parsed.Text, parsed.Line, Changed: true));
                }

                Visit(parsed.Replies, path, position);
            }
        }
    }
}
