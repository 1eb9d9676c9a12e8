namespace ProbationArchive.Core.Parsing;

/// <summary>Gives an untitled post an honest title: the start of its first line of text.</summary>
internal static class TitleDeriver
{
    public const int MaxLength = 80;
    public const string Fallback = "Untitled post";

    public static string FromBody(string body)
    {
        var firstLine = body.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0);
        if (firstLine is null)
        {
            return Fallback;
        }

        var title = firstLine;
        if (title.Length > MaxLength)
        {
            var cut = title.LastIndexOf(' ', MaxLength);
            title = string.Concat(title.AsSpan(0, cut > MaxLength / 2 ? cut : MaxLength), "…");
        }

        // A line that introduces what follows ("... on Friday:-") reads badly as a title.
        return title.TrimEnd(':', '-', ' ', ',', ';');
    }
}
