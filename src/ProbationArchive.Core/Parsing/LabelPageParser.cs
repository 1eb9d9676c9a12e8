namespace ProbationArchive.Core.Parsing;

/// <summary>
/// Reads "Showing posts with label X" pages: the header (perhaps repeated), then posts, each
/// starting at a date line that stands between blank lines and is followed by a title.
/// Label pages show no comments.
/// </summary>
internal static class LabelPageParser
{
    public static ParsedPage Parse(SourceText source, int first, List<Diagnostic> diagnostics)
    {
        var label = PageSyntax.LabelHeader().Match(source.Lines[first].Trim()).Groups["label"].Value.Trim();
        var index = source.NextNonBlank(first + 1);
        while (index < source.Count && PageSyntax.LabelHeader().Match(source.Lines[index].Trim()) is { Success: true } repeat)
        {
            if (!string.Equals(repeat.Groups["label"].Value.Trim(), label, StringComparison.Ordinal))
            {
                diagnostics.Add(new Diagnostic(SourceText.LineNumber(index), DiagnosticSeverity.Warning, "label-mismatch",
                    $"the header repeats with label '{repeat.Groups["label"].Value.Trim()}', not '{label}'; '{label}' is used"));
            }

            index = source.NextNonBlank(index + 1);
        }

        var starts = FindPostStarts(source, index);
        if (starts.Count == 0)
        {
            diagnostics.Add(new Diagnostic(SourceText.LineNumber(Math.Min(index, source.Count - 1)), DiagnosticSeverity.Error,
                "no-posts", $"the label page for '{label}' holds no posts (no date line followed by a title)"));
            return ParsedPage.Failed(diagnostics);
        }

        if (starts[0] > index)
        {
            diagnostics.Add(new Diagnostic(SourceText.LineNumber(index), DiagnosticSeverity.Warning, "text-outside-post",
                $"lines {SourceText.LineNumber(index)}-{starts[0]} come before the first post and belong to none; they are not stored"));
        }

        var posts = new List<ParsedPost>();
        for (var i = 0; i < starts.Count; i++)
        {
            var dateIndex = starts[i];
            var end = i + 1 < starts.Count ? starts[i + 1] : source.Count;
            var titleIndex = source.NextNonBlank(dateIndex + 1);
            var date = DateLine.Read(source.Lines[dateIndex], SourceText.LineNumber(dateIndex), diagnostics);
            posts.Add(new ParsedPost(
                SourceText.LineNumber(dateIndex),
                date,
                source.Lines[titleIndex].Trim(),
                TitleIsDerived: false,
                source.Join(titleIndex + 1, end),
                DeclaredCommentCount: null,
                Comments: []));
        }

        return new ParsedPage(PageKind.LabelPage, label, posts, diagnostics);
    }

    private static List<int> FindPostStarts(SourceText source, int start)
    {
        var starts = new List<int>();
        for (var index = start; index < source.Count; index++)
        {
            var standsAlone = (index == start || source.IsBlank(index - 1)) && index + 1 < source.Count && source.IsBlank(index + 1);
            if (standsAlone && DateLine.IsDateLine(source.Lines[index]) && source.NextNonBlank(index + 1) < source.Count)
            {
                starts.Add(index);
            }
        }

        return starts;
    }
}
