using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace ProbationArchive.Core.Parsing.Blogger;

/// <summary>
/// One &lt;entry&gt; of either export format to a <see cref="BloggerEntry"/>. Authors' e-mail
/// addresses are never read. Settings and the template are counted and dropped.
/// </summary>
internal static partial class BloggerEntryParser
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";
    private static readonly XNamespace Takeout = "http://schemas.google.com/blogger/2018";
    private static readonly XNamespace Thread = "http://purl.org/syndication/thread/1.0";
    private static readonly XNamespace App = "http://purl.org/atom/app#";
    private const string KindScheme = "http://schemas.google.com/g/2005#kind";
    private const string LabelScheme = "http://www.blogger.com/atom/ns#";

    public static BloggerEntry? Parse(XElement entry, int line, List<Diagnostic> diagnostics, BloggerExportCounts counts)
    {
        var takeoutType = entry.Element(Takeout + "type")?.Value.Trim();
        var kind = takeoutType ?? KindOf(entry);
        switch (kind?.ToUpperInvariant())
        {
            case "SETTINGS":
                counts.Settings++;
                return null;
            case "TEMPLATE":
                counts.Templates++;
                return null;
            case "POST" or "PAGE" or "COMMENT":
                break;
            default:
                return Skip(line, "unknown-entry", $"an entry of kind '{kind ?? "(none)"}' is neither a post, a page nor a comment; it is left out");
        }

        var entryKind = kind.ToUpperInvariant() switch { "POST" => BloggerEntryKind.Post, "PAGE" => BloggerEntryKind.Page, _ => BloggerEntryKind.Comment };
        if (IdOf(entry.Element(Atom + "id")?.Value) is not { } id)
        {
            return Skip(line, "bad-entry-id", $"the {entryKind.ToString().ToLowerInvariant()}'s <id> '{entry.Element(Atom + "id")?.Value}' is not a Blogger id; it is left out");
        }

        var published = PublishedOf(entry, line, diagnostics);
        var isDraft = takeoutType is null
            ? entry.Element(App + "control")?.Element(App + "draft")?.Value.Trim() == "yes"
            : !string.Equals(entry.Element(Takeout + "status")?.Value.Trim(), "LIVE", StringComparison.OrdinalIgnoreCase);
        var author = entry.Element(Atom + "author");
        BloggerId? post = null, parent = null;
        if (entryKind == BloggerEntryKind.Comment)
        {
            post = takeoutType is null ? IdOf(entry.Element(Thread + "in-reply-to")?.Attribute("ref")?.Value) : ReferenceOf(entry.Element(Takeout + "parent")?.Value, id.Blog);
            if (post is null)
            {
                return Skip(line, "comment-without-post", "the comment does not name the post it is on; it is left out");
            }

            parent = takeoutType is null ? RelatedCommentOf(entry, id.Blog) : ReferenceOf(entry.Element(Takeout + "inReplyTo")?.Value, id.Blog);
        }

        Count(entryKind, isDraft, counts);
        var labels = LabelsOf(entry, takeoutType is not null);
        counts.Labels.UnionWith(labels);
        return new BloggerEntry(
            line, entryKind, id,
            entry.Element(Atom + "title")?.Value.Trim() ?? "",
            entry.Element(Atom + "content")?.Value ?? "",
            published,
            Text(author?.Element(Atom + "name")),
            Text(author?.Element(Atom + "uri")),
            isDraft,
            AddressOf(entry, takeoutType is not null),
            labels,
            post,
            parent);

        BloggerEntry? Skip(int at, string code, string message)
        {
            counts.Skipped++;
            diagnostics.Add(new Diagnostic(at, DiagnosticSeverity.Warning, code, message));
            return null;
        }
    }

    private static string? KindOf(XElement entry) =>
        entry.Elements(Atom + "category").FirstOrDefault(c => (string?)c.Attribute("scheme") == KindScheme)?.Attribute("term")?.Value is { } term
            ? term[(term.LastIndexOf('#') + 1)..]
            : null;

    private static DateTimeOffset? PublishedOf(XElement entry, int line, List<Diagnostic> diagnostics)
    {
        var text = entry.Element(Atom + "published")?.Value.Trim();
        if (text is null)
        {
            return null;
        }

        // An offset written in the export is kept; a time without one is taken as UTC, never as this machine's zone.
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var published))
        {
            return published;
        }

        diagnostics.Add(new Diagnostic(line, DiagnosticSeverity.Warning, "bad-published-time", $"'{text}' is not a time; the entry is kept without one"));
        return null;
    }

    private static void Count(BloggerEntryKind kind, bool isDraft, BloggerExportCounts counts)
    {
        switch (kind)
        {
            case BloggerEntryKind.Post:
                counts.Posts++;
                break;
            case BloggerEntryKind.Page:
                counts.Pages++;
                break;
            default:
                counts.Comments++;
                break;
        }

        if (isDraft && kind != BloggerEntryKind.Comment)
        {
            counts.Drafts++;
        }
    }

    /// <summary>"tag:blogger.com,1999:blog-123.post-456" (or page-, comment-) to (123, 456).</summary>
    private static BloggerId? IdOf(string? tag) =>
        tag is not null && EntryId().Match(tag) is { Success: true } match ? new BloggerId(match.Groups["blog"].Value, match.Groups["number"].Value) : null;

    /// <summary>Takeout names a post or comment by its full id or by its number alone.</summary>
    private static BloggerId? ReferenceOf(string? text, string blog)
    {
        text = text?.Trim();
        return string.IsNullOrEmpty(text) ? null : IdOf(text) ?? (text.All(char.IsAsciiDigit) ? new BloggerId(blog, text) : null);
    }

    /// <summary>The classic export names a reply's parent by a "related" link ending in the parent's number.</summary>
    private static BloggerId? RelatedCommentOf(XElement entry, string blog) =>
        entry.Elements(Atom + "link").FirstOrDefault(l => (string?)l.Attribute("rel") == "related")?.Attribute("href")?.Value is { } href
        && TrailingNumber().Match(href) is { Success: true } match
            ? new BloggerId(blog, match.Value)
            : null;

    private static string? AddressOf(XElement entry, bool takeout)
    {
        var address = takeout
            ? entry.Element(Takeout + "filename")?.Value.Trim()
            : entry.Elements(Atom + "link").FirstOrDefault(l => (string?)l.Attribute("rel") == "alternate")?.Attribute("href")?.Value;
        if (string.IsNullOrWhiteSpace(address))
        {
            return null;
        }

        return Uri.TryCreate(address, UriKind.Absolute, out var absolute) ? absolute.AbsolutePath : address;
    }

    private static List<string> LabelsOf(XElement entry, bool takeout) =>
    [
        .. entry.Elements(Atom + "category")
            .Where(c => takeout ? (string?)c.Attribute("scheme") != KindScheme : (string?)c.Attribute("scheme") == LabelScheme)
            .Select(c => c.Attribute("term")?.Value.Trim())
            .OfType<string>()
            .Where(t => t.Length > 0)
            .Distinct(StringComparer.OrdinalIgnoreCase),
    ];

    private static string? Text(XElement? element) => element?.Value.Trim() is { Length: > 0 } text ? text : null;

    [GeneratedRegex(@"blog-(?<blog>\d+)\.(?:post|page|comment)-(?<number>\d+)", RegexOptions.CultureInvariant)]
    private static partial Regex EntryId();

    [GeneratedRegex(@"\d+(?=/?$)", RegexOptions.CultureInvariant)]
    private static partial Regex TrailingNumber();
}
