using ProbationArchive.Core.Archive;
using ProbationArchive.Core.Rendering;

namespace ProbationArchive.Core.Parsing.Blogger;

/// <summary>An export entry with its HTML sanitised (<see cref="BloggerHtml"/>).</summary>
public sealed record SanitizedEntry(BloggerEntry Entry, SanitizedHtml Content);

/// <summary>
/// Turns an export's post or page and its comments into a <see cref="ParsedPost"/>, the shape the
/// planner takes from saved pages too. Comments are threaded by their parents, whatever their order
/// in the file; each level is in order of publication. A reply whose parent is not among the post's
/// comments is kept as a top-level comment, with a warning.
/// </summary>
public static class BloggerPostBuilder
{
    public static ParsedPost Build(SanitizedEntry post, IReadOnlyList<SanitizedEntry> comments, List<Diagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(post);
        ArgumentNullException.ThrowIfNull(comments);
        ArgumentNullException.ThrowIfNull(diagnostics);
        var entry = post.Entry;
        var title = entry.Title.Length > 0 ? entry.Title : TitleDeriver.FromBody(post.Content.Text);
        var details = new BloggerPostDetails(
            entry.Id.ToString(),
            entry.Kind == BloggerEntryKind.Page ? PostKind.Page : PostKind.Post,
            entry.IsDraft,
            entry.Published,
            AddressOf(entry.Address),
            entry.Labels,
            entry.AuthorName,
            entry.AuthorUri,
            post.Content.Text,
            [.. post.Content.Images, .. comments.SelectMany(c => c.Content.Images)]);
        return new ParsedPost(
            entry.Line,
            entry.Published is { } published ? DateOnly.FromDateTime(published.DateTime) : null,
            title,
            TitleIsDerived: entry.Title.Length == 0,
            post.Content.Html,
            DeclaredCommentCount: null,
            Thread(comments, diagnostics))
        {
            Blogger = details,
        };
    }

    /// <summary>"/2010/10/slug.html" to "2010/10/slug"; "/p/about.html" to "p/about".</summary>
    internal static string? AddressOf(string? path)
    {
        var address = path?.Trim().Trim('/');
        if (string.IsNullOrEmpty(address))
        {
            return null;
        }

        return address.EndsWith(".html", StringComparison.OrdinalIgnoreCase) ? address[..^".html".Length] : address;
    }

    private static List<ParsedComment> Thread(IReadOnlyList<SanitizedEntry> comments, List<Diagnostic> diagnostics)
    {
        var ordered = comments.Select((c, i) => (Comment: c, Order: i))
            .OrderBy(c => c.Comment.Entry.Published ?? DateTimeOffset.MaxValue).ThenBy(c => c.Order)
            .Select(c => c.Comment).ToList();
        var ids = ordered.Select(c => c.Entry.Id).ToHashSet();
        var replies = ordered.Where(c => c.Entry.ParentComment is { } parent && parent != c.Entry.Id && ids.Contains(parent))
            .ToLookup(c => c.Entry.ParentComment!.Value);
        var placed = new HashSet<BloggerId>();
        var roots = new List<ParsedComment>();
        foreach (var comment in ordered)
        {
            var parent = comment.Entry.ParentComment;
            var hasParent = parent is { } p && p != comment.Entry.Id && ids.Contains(p);
            if (parent is not null && !hasParent)
            {
                diagnostics.Add(new Diagnostic(comment.Entry.Line, DiagnosticSeverity.Warning, "reply-without-parent",
                    $"the reply's parent comment {parent} is not in the export; it is kept as a top-level comment"));
            }

            if (!hasParent)
            {
                roots.Add(Node(comment));
            }
        }

        // A chain of replies that loops back on itself never reaches a top-level comment.
        foreach (var lost in ordered.Where(c => !placed.Contains(c.Entry.Id)))
        {
            diagnostics.Add(new Diagnostic(lost.Entry.Line, DiagnosticSeverity.Warning, "reply-without-parent",
                "the reply's chain of parents loops; it is kept as a top-level comment"));
            roots.Add(Node(lost));
        }

        return roots;

        ParsedComment Node(SanitizedEntry comment)
        {
            placed.Add(comment.Entry.Id);
            var children = replies[comment.Entry.Id].Where(r => !placed.Contains(r.Entry.Id)).Select(Node).ToList();
            var entry = comment.Entry;
            return new ParsedComment(entry.Line, comment.Content.Html, children)
            {
                Blogger = new BloggerCommentDetails(entry.Id.ToString(), entry.AuthorName, entry.AuthorUri, entry.Published, comment.Content.Text),
            };
        }
    }
}
