using System.Text;

namespace ProbationArchive.Core.Rendering;

/// <summary>
/// Prepares stored text for Markdown (docs/reading.md, "Line breaks"). Many saved paragraphs were
/// hard-wrapped at about 80 characters by the tool they were pasted from; those breaks are joined
/// so the paragraph flows at any width. A break the writer meant (a short line of a list, verse,
/// address or signature; a sentence's end before a short line) is kept. Text after a list at the
/// body's own indent ends the list rather than running on inside its last item, as Markdown's
/// "lazy continuation" would have it. Only whitespace changes; the stored text is never rewritten.
/// </summary>
public static class Reflow
{
    /// <summary>Paragraphs whose longest line is shorter were not wrapped by a tool: nobody wraps that narrow.</summary>
    public const int MinWrapWidth = 60;

    /// <summary>Paragraphs whose longest line is longer were typed, not wrapped: their breaks are the writer's.</summary>
    public const int MaxWrapWidth = 100;

    /// <summary>
    /// A wrapped line is full: with the next line's first word it would pass this share of the
    /// paragraph's width. Not all of it, because pages copied from PDFs wrap by the width of the
    /// letters, so their line lengths vary by a tenth or more.
    /// </summary>
    public const double FullShare = 0.85;

    public static string Apply(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = text.Split('\n').Select(l => SourceLine.Measure(l.TrimEnd('\r'))).ToArray();
        var breaks = Decide(lines);
        var markdown = new StringBuilder(text.Length + 8);
        for (var i = 0; i < lines.Length; i++)
        {
            switch (breaks[i])
            {
                case LineBreak.Join:
                    while (markdown.Length > 0 && markdown[^1] is ' ' or '\t')
                    {
                        markdown.Length--;
                    }

                    markdown.Append(' ').Append(lines[i].Text.AsSpan().TrimStart());
                    continue;
                case LineBreak.EndList:
                    markdown.Append("\n\n");
                    break;
                default:
                    if (i > 0)
                    {
                        markdown.Append('\n');
                    }

                    break;
            }

            markdown.Append(lines[i].Text);
        }

        return markdown.ToString();
    }

    /// <summary>The break before each line (the first line's is <see cref="LineBreak.Keep"/>).</summary>
    internal static LineBreak[] Decide(IReadOnlyList<SourceLine> lines)
    {
        var breaks = new LineBreak[lines.Count];
        // "The body's own indent": comments are stored without the page's indentation, but be sure.
        var bodyIndent = lines.Where(l => !l.IsBlank).Select(l => l.Indent).DefaultIfEmpty(0).Min();
        var inFence = false;
        var inListItem = false;
        var start = 0;
        while (start < lines.Count)
        {
            if (lines[start].IsBlank)
            {
                start++;
                continue;
            }

            var end = start;
            while (end < lines.Count && !lines[end].IsBlank)
            {
                end++;
            }

            var first = lines[start];
            if (!inFence && !first.IsListItem && first.Indent <= bodyIndent)
            {
                // A paragraph at the body's indent after a blank line: Markdown has ended the list already.
                inListItem = false;
            }

            // Indented code (four spaces in, outside a list) and fenced code keep every break.
            var verbatim = inFence || (!inListItem && first.Indent >= bodyIndent + 4);
            var paragraph = new Paragraph(lines, start, end, verbatim);
            for (var i = start; i < end; i++)
            {
                var line = lines[i];
                if (i > start)
                {
                    breaks[i] = inFence || line.IsFence || !paragraph.JoinsBefore(i) ? LineBreak.Keep : LineBreak.Join;
                    if (breaks[i] == LineBreak.Keep && inListItem && !inFence && !line.IsListItem && line.Indent <= bodyIndent)
                    {
                        breaks[i] = LineBreak.EndList;
                        inListItem = false;
                    }
                }

                if (line.IsFence)
                {
                    inFence = !inFence;
                }
                else if (!inFence && line.IsListItem)
                {
                    inListItem = true;
                }
            }

            start = end;
        }

        return breaks;
    }
}
