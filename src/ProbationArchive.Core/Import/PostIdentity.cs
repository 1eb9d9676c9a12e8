using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using ProbationArchive.Core.Parsing;

namespace ProbationArchive.Core.Import;

/// <summary>
/// What makes two pages hold the same post, and the post's address. A dated post is its date and
/// title; an undated post is the first line of its body (docs/import.md).
/// </summary>
public static partial class PostIdentity
{
    private const int MaxSlugLength = 60;
    private const int MaxKeyTextLength = 200;

    public static string KeyFor(ParsedPost post)
    {
        ArgumentNullException.ThrowIfNull(post);
        if (post.Date is { } date)
        {
            return $"{date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}|{Normalize(post.Title)}";
        }

        var firstLine = post.Body.Split('\n').FirstOrDefault(l => !string.IsNullOrWhiteSpace(l))
            ?? (post.Comments.Count > 0 ? post.Comments[0].Text.Split('\n')[0] : null)
            ?? "";
        var text = Normalize(firstLine);
        return $"undated|{(text.Length > MaxKeyTextLength ? text[..MaxKeyTextLength] : text)}";
    }

    /// <summary>Blogger-style slug: lower-case ASCII words joined by '-', cut at a word boundary.</summary>
    public static string SlugFor(string title)
    {
        var words = Normalize(title).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var slug = new StringBuilder();
        foreach (var word in words)
        {
            if (slug.Length > 0 && slug.Length + 1 + word.Length > MaxSlugLength)
            {
                break;
            }

            if (slug.Length > 0)
            {
                slug.Append('-');
            }

            slug.Append(word.Length > MaxSlugLength ? word[..MaxSlugLength] : word);
        }

        return slug.Length == 0 ? "post" : slug.ToString();
    }

    public static string PermalinkFor(DateOnly? date, string slug) =>
        date is { } d ? $"{d.Year:D4}/{d.Month:D2}/{slug}" : $"undated/{slug}";

    /// <summary>
    /// The address a post would take if it were free. A saved page's post takes Blogger's scheme
    /// from its date and title; an export's post or page its own address, when it is one the archive
    /// can serve ("yyyy/MM/slug", "p/slug"); a draft one no published post can want.
    /// </summary>
    public static string WantedPermalink(ParsedPost post)
    {
        ArgumentNullException.ThrowIfNull(post);
        if (post.Blogger is not { } export)
        {
            return PermalinkFor(post.Date, SlugFor(post.Title));
        }

        if (export.IsDraft)
        {
            return $"drafts/{export.Id.Replace('.', '-')}";
        }

        if (export.Address is { } address && ServableAddress().IsMatch(address))
        {
            return address;
        }

        return export.Kind == Archive.PostKind.Page ? $"p/{SlugFor(post.Title)}" : PermalinkFor(post.Date, SlugFor(post.Title));
    }

    /// <summary>
    /// An export's post is the same as a saved page's by date and title, as saved pages are; its
    /// pages and drafts, which no saved page holds, by their Blogger id, so that a draft sharing a
    /// published post's date and title stays a post of its own.
    /// </summary>
    public static string ExportKeyFor(ParsedPost post)
    {
        ArgumentNullException.ThrowIfNull(post);
        return post.Blogger is { } export && (export.IsDraft || export.Kind == Archive.PostKind.Page)
            ? $"blogger|{export.Id}"
            : KeyFor(post);
    }

    [GeneratedRegex(@"^(\d{4}/\d{2}|p)/[a-z0-9][a-z0-9_-]*$", RegexOptions.CultureInvariant)]
    private static partial Regex ServableAddress();

    /// <summary>Lower-case ASCII letters and digits, every other run of characters one space.</summary>
    internal static string Normalize(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var result = new StringBuilder(decomposed.Length);
        var pendingSpace = false;
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark || c is '\'' or '’')
            {
                continue;
            }

            if (char.IsAsciiLetterOrDigit(c))
            {
                if (pendingSpace && result.Length > 0)
                {
                    result.Append(' ');
                }

                result.Append(char.ToLowerInvariant(c));
                pendingSpace = false;
            }
            else
            {
                pendingSpace = true;
            }
        }

        return result.ToString();
    }
}
