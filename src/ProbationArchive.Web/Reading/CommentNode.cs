namespace ProbationArchive.Web.Reading;

/// <summary>A comment with its replies, built in memory from one query over the post's comments.</summary>
public sealed class CommentNode(int id, string threadPath, string text)
{
    public int Id { get; } = id;

    /// <summary>The number the page gave it: "3", or "3.2" for the second reply to comment 3.</summary>
    public string ThreadPath { get; } = threadPath;

    public string Text { get; } = text;

    public CommentNode? Parent { get; private set; }

    public List<CommentNode> Replies { get; } = [];

    /// <summary>Replies at every depth below this comment.</summary>
    public int ReplyCount => Replies.Sum(r => 1 + r.ReplyCount);

    public void Add(CommentNode reply)
    {
        reply.Parent = this;
        Replies.Add(reply);
    }
}
