using ProbationArchive.Core.Archive;
using ProbationArchive.Core.Parsing;

namespace ProbationArchive.Core.Import.Planning;

/// <summary>
/// Merges a post's comments as a Blogger export has them with its comments as saved pages have
/// them, in either order of import, so that nothing is doubled and nothing is lost:
/// <list type="bullet">
/// <item>a comment is the same comment when it has the same Blogger id, or, for a comment only a
/// saved page gave, when its text (normalised as identities are) is the next match in thread
/// order;</item>
/// <item>the export's copy wins: its text, author, time and place in the thread; a matched comment
/// keeps its id, so its address (#c{id}) stays;</item>
/// <item>a comment one side has and the other lacks is kept, after its parent's other replies (or
/// at the end, when its parent is unknown to the other side).</item>
/// </list>
/// Numbering ("3.2") and order are then counted again over the merged thread.
/// </summary>
public static class ThreadMerger
{
    /// <summary>An export's thread over what is stored (from saved pages, an earlier export, or both).</summary>
    public static ThreadPlan ExportOverStored(IReadOnlyList<ParsedComment> export, IReadOnlyList<StoredComment> stored)
    {
        ArgumentNullException.ThrowIfNull(export);
        ArgumentNullException.ThrowIfNull(stored);
        var roots = export.Select(c => FromPage(c, null)).ToList();
        var byBloggerId = stored.Where(s => s.Content.BloggerId is not null).ToDictionary(s => s.Content.BloggerId!, StringComparer.Ordinal);
        var matched = new HashSet<int>();
        foreach (var node in PreOrder(roots).Where(n => n.Content.BloggerId is not null))
        {
            if (byBloggerId.TryGetValue(node.Content.BloggerId!, out var same))
            {
                node.Stored = same;
                matched.Add(same.Id);
            }
        }

        MatchByText(PreOrder(roots).Where(n => n.Stored is null), stored.Where(s => s.Content.BloggerId is null && !matched.Contains(s.Id)), matched);
        KeepUnmatched(roots, stored, matched);
        return Finish(roots);
    }

    /// <summary>A saved page's thread over one an export gave: the export's copy is kept, and what only the page has is added.</summary>
    public static ThreadPlan SavedPageOverExport(IReadOnlyList<ParsedComment> page, IReadOnlyList<StoredComment> stored)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(stored);
        var roots = new List<Node>();
        KeepUnmatched(roots, stored, []);
        var pageNodes = page.Select(c => FromPage(c, null)).ToList();
        var matched = new HashSet<int>();
        var storedNodes = PreOrder(roots).ToDictionary(n => n.Stored!.Id);
        MatchByText(PreOrder(pageNodes), stored, matched);
        foreach (var node in PreOrder(pageNodes).Where(n => n.Stored is null).ToList())
        {
            // Under its parent as merged: the stored comment the parent matched, or the parent as added (pre-order: added first).
            var parent = node.Parent is null ? null : node.Parent.Stored is { } matchedParent ? storedNodes[matchedParent.Id] : node.Parent.Added;
            node.Added = new Node(node.Text, node.Line, node.Content, parent);
            (parent?.Children ?? roots).Add(node.Added);
        }

        return Finish(roots);
    }

    private static Node FromPage(ParsedComment comment, Node? parent)
    {
        var content = comment.Blogger is { } b
            ? new CommentContent(b.Id, b.AuthorName, b.AuthorUri, b.PublishedAt, TextFormat.Html, b.SearchText)
            : CommentContent.SavedPage;
        var node = new Node(comment.Text, comment.Line, content, parent);
        node.Children.AddRange(comment.Replies.Select(r => FromPage(r, node)));
        return node;
    }

    /// <summary>Pairs nodes with stored comments of the same text, each the next match in thread order after the last.</summary>
    private static void MatchByText(IEnumerable<Node> nodes, IEnumerable<StoredComment> candidates, HashSet<int> matched)
    {
        var pool = candidates.OrderBy(c => c.Position).ToList();
        var keys = pool.Select(c => PostIdentity.Normalize(c.Content.SearchText ?? c.Text)).ToList();
        var next = 0;
        foreach (var node in nodes)
        {
            var key = PostIdentity.Normalize(node.Content.SearchText ?? node.Text);
            for (var k = next; k < pool.Count; k++)
            {
                if (!matched.Contains(pool[k].Id) && keys[k] == key)
                {
                    node.Stored = pool[k];
                    matched.Add(pool[k].Id);
                    next = k + 1;
                    break;
                }
            }
        }
    }

    /// <summary>Stored comments no node matched stay, under their stored parent's node when it has one.</summary>
    private static void KeepUnmatched(List<Node> roots, IReadOnlyList<StoredComment> stored, HashSet<int> matched)
    {
        var byStoredId = PreOrder(roots).Where(n => n.Stored is not null).ToDictionary(n => n.Stored!.Id);
        foreach (var comment in stored.OrderBy(c => c.Position).Where(c => !matched.Contains(c.Id)))
        {
            var parent = comment.ParentId is { } id ? byStoredId.GetValueOrDefault(id) : null;
            var node = new Node(comment.Text, comment.SourceLine, comment.Content, parent) { Stored = comment };
            (parent?.Children ?? roots).Add(node);
            byStoredId[comment.Id] = node;
        }
    }

    private static ThreadPlan Finish(List<Node> roots)
    {
        var rows = new List<CommentRow>();
        Visit(roots, null, -1);
        return new ThreadPlan(rows, []);

        void Visit(List<Node> nodes, string? parentPath, int parentIndex)
        {
            for (var i = 0; i < nodes.Count; i++)
            {
                var node = nodes[i];
                var path = parentPath is null ? $"{i + 1}" : $"{parentPath}.{i + 1}";
                var position = rows.Count;
                var parentId = parentIndex < 0 ? null : rows[parentIndex].StoredId;
                var changed = node.Stored is not { } s
                    || s.Text != node.Text || s.Position != position || s.ThreadPath != path || s.ParentId != parentId
                    || s.SourceLine != node.Line || s.Content != node.Content;
                rows.Add(new CommentRow(node.Stored?.Id, parentIndex, path, position, node.Text, node.Line, changed) { Content = node.Content });
                Visit(node.Children, path, position);
            }
        }
    }

    private static IEnumerable<Node> PreOrder(IEnumerable<Node> nodes)
    {
        foreach (var node in nodes)
        {
            yield return node;
            foreach (var child in PreOrder(node.Children))
            {
                yield return child;
            }
        }
    }

    private sealed class Node(string text, int line, CommentContent content, Node? parent)
    {
        public string Text { get; } = text;

        public int Line { get; } = line;

        public CommentContent Content { get; } = content;

        public Node? Parent { get; } = parent;

        public List<Node> Children { get; } = [];

        /// <summary>The stored comment this is, when it is one.</summary>
        public StoredComment? Stored { get; set; }

        /// <summary>For a saved page's comment added to a stored thread: the node it became there.</summary>
        public Node? Added { get; set; }
    }
}
