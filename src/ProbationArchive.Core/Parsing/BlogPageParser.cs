namespace ProbationArchive.Core.Parsing;

/// <summary>
/// Turns the saved text of a blog page into posts and comment threads. Pure: it reads no files
/// and never throws on any input; problems come back as line-numbered diagnostics.
/// </summary>
public static class BlogPageParser
{
    // More stray control characters than this (besides tab, form feed, line endings) means the file is not text.
    private const int MaxControlCharacters = 8;

    public static ParsedPage Parse(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return Parse(reader.ReadToEnd());
    }

    public static ParsedPage Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var diagnostics = new List<Diagnostic>();
        var source = SourceText.From(text);
        if (FindBinaryLine(source) is { } binaryLine)
        {
            diagnostics.Add(new Diagnostic(binaryLine, DiagnosticSeverity.Error, "binary",
                "the file holds NUL or control characters: it is binary, not a saved page"));
            return ParsedPage.Failed(diagnostics);
        }

        var first = source.NextNonBlank(0);
        if (first == source.Count)
        {
            diagnostics.Add(new Diagnostic(1, DiagnosticSeverity.Error, "empty", "the file holds no text"));
            return ParsedPage.Failed(diagnostics);
        }

        var page = PageSyntax.LabelHeader().IsMatch(source.Lines[first].Trim())
            ? LabelPageParser.Parse(source, first, diagnostics)
            : PostPageParser.Parse(source, first, diagnostics);
        // Sub-parsers report as they go; readers want diagnostics in line order.
        var ordered = diagnostics.OrderBy(d => d.Line).ToList();
        return page.HasErrors ? ParsedPage.Failed(ordered) : page with { Diagnostics = ordered };
    }

    private static int? FindBinaryLine(SourceText source)
    {
        var controls = 0;
        for (var index = 0; index < source.Count; index++)
        {
            foreach (var c in source.Lines[index])
            {
                if (c == '\0')
                {
                    return SourceText.LineNumber(index);
                }

                if (char.IsControl(c) && c is not '\t' and not '\f' && ++controls > MaxControlCharacters)
                {
                    return SourceText.LineNumber(index);
                }
            }
        }

        return null;
    }
}
