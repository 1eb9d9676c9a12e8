using System.Text;
using AngleSharp.Dom;
using Ganss.Xss;

namespace ProbationArchive.Core.Rendering;

/// <summary>An export's HTML made safe to show as it is, its text for search, and the images it named.</summary>
public sealed record SanitizedHtml(string Html, string Text, IReadOnlyList<string> Images);

/// <summary>
/// Makes a Blogger export's HTML safe to store and show: HtmlSanitizer with its default allow-lists
/// (no script, event handler, javascript: address, iframe, srcdoc, SVG or style that runs), less
/// forms and media, then the archive's own rule that a page makes no request to another origin:
/// an image becomes a link to its original (with its alt text), and no element keeps an address
/// it would load. Links get rel="nofollow ugc noopener". Ordinary markup (paragraphs, breaks,
/// lists, tables, links, Blogger's div.separator) is kept.
/// </summary>
public static class BloggerHtml
{
    private static readonly string[] FormAndMediaTags =
        ["form", "input", "button", "select", "option", "optgroup", "textarea", "fieldset", "legend", "datalist", "output", "audio", "video", "source", "track", "picture"];

    private static readonly string[] LoadingAttributes = ["src", "srcset", "poster", "background", "lowsrc", "dynsrc", "data", "ping"];

    private static readonly HashSet<string> BlockElements = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "li", "tr", "table", "ul", "ol", "blockquote", "pre", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "dd", "dt",
    };

    private static readonly HtmlSanitizer Sanitizer = CreateSanitizer();

    private static HtmlSanitizer CreateSanitizer()
    {
        var sanitizer = new HtmlSanitizer();
        foreach (var tag in FormAndMediaTags)
        {
            sanitizer.AllowedTags.Remove(tag);
        }

        // Blogger's image frames (div.separator) keep their class; no other class, so no comment can take on the archive's own styles.
        sanitizer.AllowedAttributes.Add("class");
        sanitizer.AllowedClasses.Add("separator");

        // Addresses that load (src, poster…) stay allowed here so the sanitiser vets their schemes;
        // images are then turned into links, and any other such address removed (Sanitize).
        return sanitizer;
    }

    public static SanitizedHtml Sanitize(string html)
    {
        ArgumentNullException.ThrowIfNull(html);
        var body = Sanitizer.SanitizeDom(html).Body!;
        var images = new List<string>();
        foreach (var image in body.QuerySelectorAll("img").ToList())
        {
            images.Add(image.GetAttribute("src") ?? "");
            image.Replace(OfflineImage(image));
        }

        foreach (var element in body.QuerySelectorAll("*"))
        {
            KeepNoLoadingAddress(element);
        }

        foreach (var link in body.QuerySelectorAll("a[href], area[href]"))
        {
            link.SetAttribute("rel", "nofollow ugc noopener");
        }

        return new SanitizedHtml(body.InnerHtml, TextOf(body), [.. images.Where(i => i.Length > 0)]);
    }

    /// <summary>A link to the image where it was (or only its text, when a link already surrounds it, as Blogger's do).</summary>
    private static INode OfflineImage(IElement image)
    {
        var document = image.Owner!;
        var alt = image.GetAttribute("alt") is { Length: > 0 } text ? text : null;
        var label = document.CreateTextNode(alt is null ? "[image]" : $"[image: {alt}]");
        var source = image.GetAttribute("src");
        if (source is null || image.Closest("a") is not null)
        {
            return label;
        }

        var link = document.CreateElement("a");
        link.SetAttribute("href", source);
        link.SetAttribute("class", "offline-image");
        link.AppendChild(label);
        return link;
    }

    private static void KeepNoLoadingAddress(IElement element)
    {
        foreach (var attribute in LoadingAttributes)
        {
            element.RemoveAttribute(attribute);
        }

        if (element.GetAttribute("style") is { } style && style.Contains("url(", StringComparison.OrdinalIgnoreCase))
        {
            element.RemoveAttribute("style");
        }
    }

    /// <summary>The text a reader sees, a line per block or break, for search and excerpts.</summary>
    private static string TextOf(INode root)
    {
        var text = new StringBuilder();
        Append(root);
        return string.Join('\n', text.ToString().Split('\n').Select(l => string.Join(' ', l.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))).Where(l => l.Length > 0));

        void Append(INode node)
        {
            foreach (var child in node.ChildNodes)
            {
                if (child is IText t)
                {
                    text.Append(t.Data);
                }
                else if (child is IElement e)
                {
                    var block = BlockElements.Contains(e.LocalName);
                    if (block || e.LocalName == "br")
                    {
                        text.Append('\n');
                    }

                    Append(e);
                    if (block)
                    {
                        text.Append('\n');
                    }
                }
            }
        }
    }
}
