namespace ProbationArchive.Core.Parsing;

/// <summary>Collects a comment's lines while its thread is being read.</summary>
internal sealed class CommentBuilder(int line)
{
    private readonly List<string> _lines = [];
    private readonly List<CommentBuilder> _replies = [];

    public int Line { get; } = line;

    public CommentBuilder? Parent { get; private set; }

    public bool IsEmpty => _lines.All(string.IsNullOrWhiteSpace);

    public void Append(string text) => _lines.Add(text);

    public CommentBuilder AddReply(CommentBuilder reply)
    {
        reply.Parent = this;
        _replies.Add(reply);
        return reply;
    }

    public ParsedComment Build()
    {
        var start = 0;
        var end = _lines.Count;
        while (start < end && string.IsNullOrWhiteSpace(_lines[start]))
        {
            start++;
        }

        while (end > start && string.IsNullOrWhiteSpace(_lines[end - 1]))
        {
            end--;
        }

        // Whitespace-only inner lines are kept as empty lines: they separate paragraphs.
        var text = string.Join('\n', _lines.Skip(start).Take(end - start).Select(l => string.IsNullOrWhiteSpace(l) ? "" : l));
        return new ParsedComment(Line, text, [.. _replies.Select(r => r.Build())]);
    }
}
