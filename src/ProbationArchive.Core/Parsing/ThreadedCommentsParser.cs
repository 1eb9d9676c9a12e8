namespace ProbationArchive.Core.Parsing;

/// <summary>
/// Reads the comments after an "N comments:" line: top-level comments numbered at two spaces and
/// closed by "ReplyDelete", an optional "Replies" line, then replies closed by "Delete". Replies
/// are numbered at four spaces in Blogger's pages, but any indent deeper than a top-level
/// comment's is taken: the first reply after "Replies" sets the thread's reply indent, its text
/// being two spaces deeper. A numbered line is a new reply only where a reply may start, so
/// numbered lists inside a comment stay text.
/// </summary>
internal sealed class ThreadedCommentsParser
{
    private const int TopLevelIndent = 2;
    private const int TopLevelTextIndent = 4;
    private const int ReplyIndent = 4;
    private const int ReplyTextIndentBeyondNumber = 2;

    private readonly SourceText _source;
    private readonly List<Diagnostic> _diagnostics;
    private readonly List<CommentBuilder> _threads = [];
    private CommentBuilder? _open;
    private CommentBuilder? _lastClosed;
    private CommentBuilder? _lastTopLevel;
    private bool _repliesMayStart;
    private int _replyIndent = ReplyIndent;

    private ThreadedCommentsParser(SourceText source, List<Diagnostic> diagnostics)
    {
        _source = source;
        _diagnostics = diagnostics;
    }

    public static IReadOnlyList<ParsedComment> Parse(SourceText source, int start, List<Diagnostic> diagnostics)
    {
        var parser = new ThreadedCommentsParser(source, diagnostics);
        for (var index = start; index < source.Count; index++)
        {
            parser.Read(index);
        }

        parser.Finish();
        return [.. parser._threads.Select(t => t.Build())];
    }

    private void Read(int index)
    {
        var line = _source.Lines[index];
        var lineNumber = SourceText.LineNumber(index);
        if (string.IsNullOrWhiteSpace(line))
        {
            _open?.Append("");
            return;
        }

        var indent = PageSyntax.Indentation(line);
        var content = line.Trim();
        var numbered = PageSyntax.NumberedStart().Match(line[indent..]);

        if (indent == TopLevelIndent && numbered.Success)
        {
            WarnIfUnclosed(lineNumber);
            _open = new CommentBuilder(lineNumber);
            _open.Append(numbered.Groups["text"].Value);
            _threads.Add(_open);
            _lastTopLevel = _open;
            _repliesMayStart = false;
        }
        else if (content == PageSyntax.ReplyDeleteMarker)
        {
            CloseTopLevel(lineNumber);
        }
        else if (content == PageSyntax.RepliesMarker && _open is null)
        {
            OpenReplies(lineNumber);
        }
        else if (content == PageSyntax.DeleteMarker)
        {
            CloseReply(lineNumber);
        }
        else if (numbered.Success && _lastTopLevel is not null
                 && ((_repliesMayStart && indent > TopLevelIndent) || (_open is { Parent: not null } && indent == _replyIndent)))
        {
            WarnIfUnclosed(lineNumber);
            _replyIndent = indent;
            _open = _lastTopLevel.AddReply(new CommentBuilder(lineNumber));
            _open.Append(numbered.Groups["text"].Value);
            _repliesMayStart = false;
        }
        else
        {
            AppendText(line, lineNumber);
        }
    }

    private void OpenReplies(int lineNumber)
    {
        if (_lastClosed is { Parent: null })
        {
            _repliesMayStart = true;
            return;
        }

        Warn(lineNumber, "marker-out-of-place", "'Replies' does not follow a top-level comment's 'ReplyDelete'; the marker is ignored");
    }

    private void CloseTopLevel(int lineNumber)
    {
        if (_open is null)
        {
            Warn(lineNumber, "marker-out-of-place", "'ReplyDelete' with no comment open before it; the marker is ignored");
            return;
        }

        if (_open.Parent is not null)
        {
            Warn(lineNumber, "marker-out-of-place", "a reply ends with 'ReplyDelete' where 'Delete' was expected; it is kept as a reply");
        }

        Close();
    }

    private void CloseReply(int lineNumber)
    {
        if (_open is null)
        {
            Warn(lineNumber, "marker-out-of-place", "'Delete' with no comment open before it; the marker is ignored");
            return;
        }

        if (_open.Parent is null)
        {
            Warn(lineNumber, "marker-out-of-place", "a top-level comment ends with 'Delete' where 'ReplyDelete' was expected; it is kept as top-level");
        }

        Close();
        _repliesMayStart = _lastClosed!.Parent is not null;
    }

    private void Close()
    {
        _lastClosed = _open;
        _open = null;
    }

    private void AppendText(string line, int lineNumber)
    {
        if (_open is null)
        {
            if (_lastClosed is null)
            {
                Warn(lineNumber, "text-outside-comment", "text before the first numbered comment is kept as a comment of its own");
                _open = new CommentBuilder(lineNumber);
                _threads.Add(_open);
                _lastTopLevel = _open;
            }
            else
            {
                Warn(lineNumber, "text-outside-comment", "text after a comment's end marker is kept with that comment");
                _open = _lastClosed;
            }
        }

        _open.Append(PageSyntax.Dedent(line, _open.Parent is null ? TopLevelTextIndent : _replyIndent + ReplyTextIndentBeyondNumber));
    }

    private void WarnIfUnclosed(int lineNumber)
    {
        if (_open is not null)
        {
            Warn(_open.Line, "missing-end-marker",
                $"the comment starting here has no '{(_open.Parent is null ? PageSyntax.ReplyDeleteMarker : PageSyntax.DeleteMarker)}' before the next comment at line {lineNumber}");
        }
    }

    private void Finish()
    {
        if (_open is not null)
        {
            Warn(_open.Line, "missing-end-marker", "the last comment has no end marker; the page may be truncated");
        }
    }

    private void Warn(int lineNumber, string code, string message) =>
        _diagnostics.Add(new Diagnostic(lineNumber, DiagnosticSeverity.Warning, code, message));
}
