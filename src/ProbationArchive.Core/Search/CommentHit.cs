namespace ProbationArchive.Core.Search;

/// <summary>A matching comment, listed under its post's hit.</summary>
/// <param name="ThreadPath">Its number on the post's page: "3", or "3.1" for a reply.</param>
/// <param name="IsReply">A reply is named "Reply 3.1", a top-level comment "Comment 3", as on the page.</param>
public sealed record CommentHit(int CommentId, string ThreadPath, bool IsReply, string Snippet, double Rank)
{
    public string Name => (IsReply ? "Reply " : "Comment ") + ThreadPath;
}
