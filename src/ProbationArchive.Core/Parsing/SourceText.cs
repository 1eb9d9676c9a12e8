namespace ProbationArchive.Core.Parsing;

/// <summary>A page split into lines, whatever its line endings, without a byte-order mark.</summary>
internal sealed class SourceText
{
    private SourceText(string[] lines) => Lines = lines;

    public string[] Lines { get; }

    public int Count => Lines.Length;

    public static SourceText From(string text)
    {
        if (text.Length > 0 && text[0] == '\uFEFF')
        {
            text = text[1..];
        }

        var lines = text.ReplaceLineEndings("\n").Split('\n');
        // A final line ending does not start another line.
        if (lines.Length > 1 && lines[^1].Length == 0)
        {
            lines = lines[..^1];
        }

        return new SourceText(lines);
    }

    public bool IsBlank(int index) => string.IsNullOrWhiteSpace(Lines[index]);

    /// <summary>The index of the first non-blank line at or after <paramref name="index"/>, or <see cref="Count"/>.</summary>
    public int NextNonBlank(int index)
    {
        while (index < Count && IsBlank(index))
        {
            index++;
        }

        return index;
    }

    /// <summary>Lines [start, end) joined with '\n', outer blank lines dropped.</summary>
    public string Join(int start, int end)
    {
        while (start < end && IsBlank(start))
        {
            start++;
        }

        while (end > start && IsBlank(end - 1))
        {
            end--;
        }

        return string.Join('\n', Lines, start, end - start);
    }

    public static int LineNumber(int index) => index + 1;
}
