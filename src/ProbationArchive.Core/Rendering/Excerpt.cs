using System.Text;
using System.Text.RegularExpressions;

namespace ProbationArchive.Core.Rendering;

/// <summary>
/// The opening words of a post as one line of plain text, for lists of posts and page
/// descriptions. Paragraphs and the lines the writer broke stay apart, with
/// <see cref="Separator"/> between them, so a heading does not run into the text after it.
/// </summary>
public static partial class Excerpt
{
    public const int DefaultLength = 280;

    /// <summary>How much of the body a query needs to fetch to make an excerpt (whitespace runs shrink).</summary>
    public const int SourceLength = 600;

    /// <summary>Between blocks: a middle dot, which the blog's own text does not use.</summary>
    public const string Separator = " · ";

    public static string From(string text, int maxLength = DefaultLength)
    {
        ArgumentNullException.ThrowIfNull(text);
        var flat = new StringBuilder(Math.Min(text.Length, maxLength + 1));
        // Reflow first: a line a tool wrapped is part of its paragraph, not a block of its own.
        foreach (var line in Reflow.Apply(text).Split('\n'))
        {
            var words = Bullet().Replace(line.Trim(), "");
            if (words.Length == 0)
            {
                continue;
            }

            if (flat.Length > 0)
            {
                flat.Append(Separator);
            }

            AppendCollapsed(flat, words);
            if (flat.Length > maxLength)
            {
                break;
            }
        }

        if (flat.Length <= maxLength)
        {
            return flat.ToString();
        }

        // Cut at the last word boundary that keeps most of the text, as a reader would.
        var cut = flat.ToString(0, maxLength).LastIndexOf(' ');
        var kept = cut > maxLength / 2 ? flat.ToString(0, cut) : flat.ToString(0, maxLength);
        return kept.TrimEnd(',', ';', ':', '-', ' ', '·') + "…";
    }

    private static void AppendCollapsed(StringBuilder flat, string words)
    {
        var pendingSpace = false;
        foreach (var c in words)
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = true;
                continue;
            }

            if (pendingSpace)
            {
                flat.Append(' ');
                pendingSpace = false;
            }

            flat.Append(c);
        }
    }

    // A list's bullet says nothing in one line of text; a number ("1. Foreword") does, and stays.
    [GeneratedRegex(@"^[-*+•]\s+")]
    private static partial Regex Bullet();
}
