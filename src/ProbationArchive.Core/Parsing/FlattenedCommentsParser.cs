namespace ProbationArchive.Core.Parsing;

/// <summary>
/// Reads comments whose markup was flattened: each comment's end is the "ReplyDelete" (top-level)
/// or "Delete" (reply) glued to the start of the next line, and the rest of that line begins the
/// next comment. A reply belongs to the last top-level comment before it.
/// </summary>
internal static class FlattenedCommentsParser
{
    public static IReadOnlyList<ParsedComment> Parse(SourceText source, int firstCommentIndex, List<Diagnostic> diagnostics)
    {
        var threads = new List<CommentBuilder>();
        CommentBuilder? lastTopLevel = null;
        var current = new CommentBuilder(SourceText.LineNumber(firstCommentIndex));
        current.Append(source.Lines[firstCommentIndex]);

        for (var index = firstCommentIndex + 1; index < source.Count; index++)
        {
            var line = source.Lines[index];
            var lineNumber = SourceText.LineNumber(index);
            var marker = line.StartsWith(PageSyntax.ReplyDeleteMarker, StringComparison.Ordinal) ? PageSyntax.ReplyDeleteMarker
                : line.StartsWith(PageSyntax.DeleteMarker, StringComparison.Ordinal) ? PageSyntax.DeleteMarker
                : null;
            if (marker is null)
            {
                current.Append(line);
                continue;
            }

            End(current, isReply: marker == PageSyntax.DeleteMarker, lineNumber);
            current = new CommentBuilder(lineNumber);
            current.Append(line[marker.Length..]);
        }

        if (!current.IsEmpty)
        {
            diagnostics.Add(new Diagnostic(current.Line, DiagnosticSeverity.Warning, "missing-end-marker",
                "the last comment has no 'ReplyDelete' or 'Delete' after it; the page may be truncated; it is kept as top-level"));
            End(current, isReply: false, current.Line);
        }

        return [.. threads.Select(t => t.Build())];

        void End(CommentBuilder comment, bool isReply, int markerLine)
        {
            if (comment.IsEmpty)
            {
                diagnostics.Add(new Diagnostic(markerLine, DiagnosticSeverity.Warning, "empty-comment",
                    "a marker closes a comment with no text; nothing is stored for it"));
                return;
            }

            if (isReply && lastTopLevel is not null)
            {
                lastTopLevel.AddReply(comment);
                return;
            }

            if (isReply)
            {
                diagnostics.Add(new Diagnostic(markerLine, DiagnosticSeverity.Warning, "reply-without-parent",
                    "a 'Delete' marks a reply but no top-level comment comes before it; it is kept as top-level"));
            }

            threads.Add(comment);
            lastTopLevel = comment;
        }
    }
}
