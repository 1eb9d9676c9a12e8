namespace ProbationArchive.Web.Reading;

/// <summary>A comment with its replies, built in memory from one query over the post's comments.</summary>
public sealed class CommentNode(int id, string threadPath, string text)
{
    /// <summary>
    /// Replies longer than this, together, run past a screen: by their end the thread's own header,
    /// with its "Previous thread" and "Next thread", is out of sight, so the links are repeated there.
    /// </summary>
    public const int LongThreadCharacters = 1500;

    public int Id { get; } = id;

    /// <summary>The number the page gave it: "3", or "3.2" for the second reply to comment 3.</summary>
    public string ThreadPath { get; } = threadPath;

    public string Text { get; } = text;

    public CommentByline? Byline { get; init; }

    public Core.Archive.TextFormat Format { get; init; }

    /// <summary>The start of an HTML comment's plain text, for the thread outline; null for plain text (<see cref="Text"/> is plain).</summary>
    public string? PlainOpening { get; init; }

    public CommentNode? Parent { get; private set; }

    public List<CommentNode> Replies { get; } = [];

    /// <summary>Replies at every depth below this comment.</summary>
    public int ReplyCount => Replies.Sum(r => 1 + r.ReplyCount);

    /// <summary>The text of the replies at every depth below this comment, in characters.</summary>
    public int ReplyTextLength => Replies.Sum(r => r.Text.Length + r.ReplyTextLength);

    public bool IsLongThread => ReplyTextLength > LongThreadCharacters;

    public void Add(CommentNode reply)
    {
        reply.Parent = this;
        Replies.Add(reply);
    }
}
