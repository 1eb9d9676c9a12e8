using System.Text.RegularExpressions;

namespace ProbationArchive.Web.Tests.Hostile;

/// <summary>The vectors of xss-vectors.txt (copied beside the tests): one a line, comments and blank lines skipped.</summary>
internal static partial class XssVectors
{
    public static IReadOnlyList<string> All { get; } = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Hostile", "xss-vectors.txt"))
        .Where(line => line.Length > 0 && !line.StartsWith('#'))
        .ToList();

    /// <summary>
    /// Vectors Markdown leaves alone, so their characters must reach the reader exactly: raw HTML
    /// (shown as text, since DisableHtml) with no emphasis, escape, entity, link or autolink syntax.
    /// </summary>
    public static bool IsMarkdownInert(string vector) =>
        vector.Contains('<', StringComparison.Ordinal)
        && vector.IndexOfAny(['\\', '`', '*', '_', '[', ']', '&', '~', '!', '\t']) < 0
        && !vector.Contains("://", StringComparison.Ordinal)
        && !vector.Contains("www.", StringComparison.Ordinal)
        && !vector.Contains("  ", StringComparison.Ordinal)
        && !Autolink().IsMatch(vector);

    [GeneratedRegex("<[A-Za-z][A-Za-z0-9.+-]{1,31}:|<[^ <>]+@[^ <>]+>", RegexOptions.CultureInvariant)]
    private static partial Regex Autolink();
}
