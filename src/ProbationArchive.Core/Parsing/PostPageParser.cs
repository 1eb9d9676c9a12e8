using System.Globalization;

namespace ProbationArchive.Core.Parsing;

/// <summary>
/// Reads a page holding one post: an optional date line and title, the body, then either an
/// "N comments:" line with threaded comments, or flattened ReplyDelete/Delete markers, or nothing.
/// </summary>
internal static class PostPageParser
{
    public static ParsedPage Parse(SourceText source, int first, List<Diagnostic> diagnostics)
    {
        DateOnly? date = null;
        string? title = null;
        var bodyStart = first;
        var isDated = DateLine.IsDateLine(source.Lines[first]);
        if (isDated)
        {
            date = DateLine.Read(source.Lines[first], SourceText.LineNumber(first), diagnostics);
            var titleIndex = source.NextNonBlank(first + 1);
            if (titleIndex == source.Count)
            {
                return Error(diagnostics, first, "no-title", "the date line is not followed by a title");
            }

            title = source.Lines[titleIndex].Trim();
            bodyStart = titleIndex + 1;
        }

        var countIndex = FindCommentCountLine(source, bodyStart);
        if (countIndex >= 0)
        {
            var declared = ReadDeclaredCount(source.Lines[countIndex]);
            var threaded = ThreadedCommentsParser.Parse(source, countIndex + 1, diagnostics);
            return Page(PageKind.SinglePost, source.Join(bodyStart, countIndex), declared, threaded, countIndex);
        }

        var markerIndex = FindFirstMarker(source, bodyStart);
        if (markerIndex >= 0)
        {
            // Nothing marks where the body ends: the first comment is taken to be the last
            // non-blank line before the first marker (docs/import.md).
            var firstCommentIndex = markerIndex - 1;
            while (firstCommentIndex >= bodyStart && source.IsBlank(firstCommentIndex))
            {
                firstCommentIndex--;
            }

            if (firstCommentIndex < bodyStart)
            {
                return Error(diagnostics, markerIndex, "marker-out-of-place",
                    "the first comment marker has no comment text before it");
            }

            var flattened = FlattenedCommentsParser.Parse(source, firstCommentIndex, diagnostics);
            return Page(PageKind.FlattenedPost, source.Join(bodyStart, firstCommentIndex), null, flattened, markerIndex);
        }

        if (!isDated)
        {
            return Error(diagnostics, first, "not-a-blog-page",
                "no date line, label header, comment count or comment markers: this is not a saved blog page");
        }

        return Page(PageKind.SinglePost, source.Join(bodyStart, source.Count), null, [], source.Count);

        ParsedPage Page(PageKind kind, string body, int? declared, IReadOnlyList<ParsedComment> comments, int countLineIndex)
        {
            if (title is null && body.Length == 0 && comments.Count == 0)
            {
                return Error(diagnostics, first, "no-content", "the page has a comment count or markers but no body, title or comments");
            }

            var post = new ParsedPost(
                SourceText.LineNumber(first),
                date,
                title ?? TitleDeriver.FromBody(body),
                title is null,
                body,
                declared,
                comments);
            if (declared is { } n && n != post.CommentCount)
            {
                diagnostics.Add(new Diagnostic(SourceText.LineNumber(countLineIndex), DiagnosticSeverity.Warning, "count-mismatch",
                    $"the page declares {n} comments but {post.CommentCount} were found"));
            }

            return new ParsedPage(kind, null, [post], diagnostics);
        }
    }

    /// <summary>The last unindented "N comments:" line: comment text is indented, so it cannot hold one.</summary>
    private static int FindCommentCountLine(SourceText source, int start)
    {
        for (var index = source.Count - 1; index >= start; index--)
        {
            if (PageSyntax.CommentCountLine().IsMatch(source.Lines[index].TrimEnd()))
            {
                return index;
            }
        }

        return -1;
    }

    private static int FindFirstMarker(SourceText source, int start)
    {
        for (var index = start; index < source.Count; index++)
        {
            if (PageSyntax.StartsWithFlattenedMarker(source.Lines[index]))
            {
                return index;
            }
        }

        return -1;
    }

    private static int ReadDeclaredCount(string line)
    {
        var count = PageSyntax.CommentCountLine().Match(line.TrimEnd()).Groups["count"].Value;
        return count == "No" ? 0 : int.Parse(count, CultureInfo.InvariantCulture);
    }

    private static ParsedPage Error(List<Diagnostic> diagnostics, int index, string code, string message)
    {
        diagnostics.Add(new Diagnostic(SourceText.LineNumber(index), DiagnosticSeverity.Error, code, message));
        return ParsedPage.Failed(diagnostics);
    }
}
