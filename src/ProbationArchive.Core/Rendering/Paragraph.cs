namespace ProbationArchive.Core.Rendering;

/// <summary>
/// A run of non-blank lines and the reflow rule's decision for each break inside it
/// (docs/reading.md, "Line breaks"). The width a tool wrapped at is not written anywhere, so it is
/// taken to be the longest line's, leaving out bare web addresses, which no tool breaks.
/// </summary>
internal readonly struct Paragraph
{
    private readonly IReadOnlyList<SourceLine> _lines;
    private readonly int _start;
    private readonly int _end;
    private readonly int _width;
    private readonly bool _wrapped;

    public Paragraph(IReadOnlyList<SourceLine> lines, int start, int end, bool verbatim)
    {
        _lines = lines;
        _start = start;
        _end = end;
        for (var i = start; i < end; i++)
        {
            if (!lines[i].IsBareAddress)
            {
                _width = Math.Max(_width, lines[i].Length);
            }
        }

        _wrapped = !verbatim && _width is >= Reflow.MinWrapWidth and <= Reflow.MaxWrapWidth;
    }

    /// <summary>Whether line <paramref name="index"/> continues the one before it, the break being a tool's.</summary>
    public bool JoinsBefore(int index)
    {
        if (!_wrapped || index <= _start || index >= _end)
        {
            return false;
        }

        var before = _lines[index - 1];
        var line = _lines[index];
        return !before.EndsOwnLine && !line.StartsOwnLine
            // The line before stopped short of the width: its writer broke it.
            && IsFull(index - 1)
            // A short line with more after it is a line of a list, a verse or an address.
            && (EndsRun(index) || IsFull(index))
            // A sentence's end followed by a short line: a closing line, a signature.
            && !(before.EndsSentence && line.Length * 2 <= _width);
    }

    /// <summary>With the next line's first word it would not have fitted: the tool had to break it.</summary>
    private bool IsFull(int index) =>
        !EndsRun(index) && _lines[index].Length + 1 + _lines[index + 1].FirstWordLength > Reflow.FullShare * _width;

    /// <summary>The last line of the paragraph, or the last before a line that stands alone (a list item).</summary>
    private bool EndsRun(int index) => index + 1 >= _end || _lines[index + 1].StartsOwnLine || _lines[index].EndsOwnLine;
}
