using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace ProbationArchive.Core.Rendering;

/// <summary>
/// Keeps only http, https and mailto links. DisableHtml stops raw tags but not Markdown's own
/// link syntax, so "[x](javascript:...)" or "&lt;data:...&gt;" must be unwrapped here, after parsing.
/// </summary>
public static class LinkPolicy
{
    public static bool IsAllowed(string? url) =>
        Uri.TryCreate(url?.Trim(), UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeMailto);

    internal static void Apply(MarkdownDocument document)
    {
        // Every link is found before any is changed: walking a tree while unwrapping its nodes skips some.
        var links = document.Descendants().Where(o => o is LinkInline or AutolinkInline).ToList();
        foreach (var node in links)
        {
            switch (node)
            {
                case LinkInline link:
                    // Images would load from other sites (the CSP blocks that anyway): show them as links to the image.
                    link.IsImage = false;
                    if (!IsAllowed(link.Url))
                    {
                        Unwrap(link);
                    }

                    break;
                case AutolinkInline autolink when !IsAllowed(autolink.IsEmail ? "mailto:" + autolink.Url : autolink.Url):
                    autolink.ReplaceBy(new LiteralInline(autolink.Url));
                    break;
            }
        }
    }

    /// <summary>Replaces a link with its own text, so the words stay and the target goes.</summary>
    private static void Unwrap(LinkInline link)
    {
        var child = link.FirstChild;
        if (child is null)
        {
            link.ReplaceBy(new LiteralInline(link.Url ?? ""));
            return;
        }

        while (child is not null)
        {
            var next = child.NextSibling;
            child.Remove();
            link.InsertBefore(child);
            child = next;
        }

        link.Remove();
    }
}
