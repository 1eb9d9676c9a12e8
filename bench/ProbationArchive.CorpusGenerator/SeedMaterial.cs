using System.Text.RegularExpressions;
using ProbationArchive.Core.Parsing;

namespace ProbationArchive.CorpusGenerator;

/// <summary>
/// The seed pages cut into reusable pieces: body paragraphs, comment paragraphs, headings and
/// label words. Lines that the parser would read as page structure (date lines, "N comments:",
/// label headers, ReplyDelete/Delete/Replies markers) are left out, so any recombination parses
/// back to exactly the posts and comments it was made from.
/// </summary>
public sealed partial class SeedMaterial
{
    private SeedMaterial(List<string[]> bodyParagraphs, List<string[]> commentParagraphs, List<string> headings, List<string> labelWords)
    {
        BodyParagraphs = bodyParagraphs;
        CommentParagraphs = commentParagraphs;
        Headings = headings;
        LabelWords = labelWords;
    }

    public IReadOnlyList<string[]> BodyParagraphs { get; }

    public IReadOnlyList<string[]> CommentParagraphs { get; }

    /// <summary>Short lines that read as titles: the seed titles and the headings inside bodies.</summary>
    public IReadOnlyList<string> Headings { get; }

    /// <summary>Names and acronyms, distinct ignoring case, in ordinal order.</summary>
    public IReadOnlyList<string> LabelWords { get; }

    public static SeedMaterial Load()
    {
        var assembly = typeof(SeedMaterial).Assembly;
        var pages = assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith("seeds/", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(n =>
            {
                using var reader = new StreamReader(assembly.GetManifestResourceStream(n)!);
                return BlogPageParser.Parse(reader);
            })
            .ToList();
        if (pages.Count == 0 || pages.Any(p => p.HasErrors))
        {
            throw new InvalidOperationException("the embedded seed pages are missing or do not parse");
        }

        var posts = pages.SelectMany(p => p.Posts).ToList();
        var comments = posts.SelectMany(p => Flatten(p.Comments)).ToList();
        var headings = posts.Where(p => !p.TitleIsDerived).Select(p => p.Title)
            .Concat(posts.SelectMany(p => p.Body.Split('\n')).Select(l => l.Trim()).Where(IsHeading))
            .Where(IsSafe)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        var allText = string.Join('\n', posts.Select(p => p.Title + "\n" + p.Body).Concat(comments));
        // A capitalised word never written in lower case is a name or an acronym: "Napo", "CRC", "Gauke".
        var lowerCase = LowerWordPattern().Matches(allText).Select(m => m.Value).ToHashSet(StringComparer.Ordinal);
        var words = WordPattern().Matches(allText).Select(m => m.Value)
            .Where(w => !lowerCase.Contains(w.ToLowerInvariant()))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Order(StringComparer.Ordinal)
            .ToList();
        return new SeedMaterial(
            [.. posts.SelectMany(p => Paragraphs(p.Body))],
            [.. comments.SelectMany(Paragraphs)],
            headings,
            words);
    }

    private static IEnumerable<string> Flatten(IEnumerable<ParsedComment> comments) =>
        comments.SelectMany(c => Flatten(c.Replies).Prepend(c.Text));

    /// <summary>Blank-line separated runs of safe, trimmed lines.</summary>
    private static IEnumerable<string[]> Paragraphs(string text)
    {
        var current = new List<string>();
        foreach (var raw in text.Split('\n').Append(""))
        {
            var line = raw.Trim();
            if (line.Length == 0)
            {
                if (current.Count > 0)
                {
                    yield return [.. current];
                    current.Clear();
                }
            }
            else if (IsSafe(line))
            {
                current.Add(line);
            }
        }
    }

    /// <summary>False for a line the parser could take for page structure in any of the three shapes.</summary>
    public static bool IsSafe(string line) =>
        !DatePattern().IsMatch(line)
        && !CountPattern().IsMatch(line)
        && !line.StartsWith("Showing posts with label", StringComparison.Ordinal)
        && !line.StartsWith("Delete", StringComparison.Ordinal)
        && !line.StartsWith("ReplyDelete", StringComparison.Ordinal)
        && line != "Replies";

    private static bool IsHeading(string line) =>
        line.Length is >= 12 and <= 48 && char.IsAsciiLetterUpper(line[0]) && !line.EndsWith('.') && !line.Contains("://", StringComparison.Ordinal)
        && line.Count(c => c == ' ') is >= 2 and <= 8;

    [GeneratedRegex(@"^(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),? \d{1,2} (January|February|March|April|May|June|July|August|September|October|November|December) \d{4}$", RegexOptions.CultureInvariant)]
    private static partial Regex DatePattern();

    [GeneratedRegex(@"^(\d+|No) comments?:$", RegexOptions.CultureInvariant)]
    private static partial Regex CountPattern();

    [GeneratedRegex(@"\b[A-Z][A-Za-z]{1,13}\b", RegexOptions.CultureInvariant)]
    private static partial Regex WordPattern();

    [GeneratedRegex(@"\b[a-z]+\b", RegexOptions.CultureInvariant)]
    private static partial Regex LowerWordPattern();
}
