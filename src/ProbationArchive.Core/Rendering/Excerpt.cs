using System.Text;

namespace ProbationArchive.Core.Rendering;

/// <summary>The opening words of a post as one line of plain text, for lists of posts.</summary>
public static class Excerpt
{
    public const int DefaultLength = 280;

    /// <summary>How much of the body a query needs to fetch to make an excerpt (whitespace runs shrink).</summary>
    public const int SourceLength = 600;

    public static string From(string text, int maxLength = DefaultLength)
    {
        ArgumentNullException.ThrowIfNull(text);
        var flat = new StringBuilder(Math.Min(text.Length, maxLength + 1));
        var pendingSpace = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = flat.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                flat.Append(' ');
                pendingSpace = false;
            }

            flat.Append(c);
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
        return kept.TrimEnd(',', ';', ':', '-', ' ') + "…";
    }
}
