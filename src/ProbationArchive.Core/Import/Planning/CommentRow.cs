using ProbationArchive.Core.Archive;

namespace ProbationArchive.Core.Import.Planning;

/// <param name="StoredId">Null for a new comment.</param>
/// <param name="ParentIndex">The parent's index in the same <see cref="ThreadPlan.Comments"/>, or -1 for a top-level comment.</param>
/// <param name="Changed">A stored comment whose fields differ from the plan: it is rewritten.</param>
public sealed record CommentRow(int? StoredId, int ParentIndex, string ThreadPath, int Position, string Text, int SourceLine, bool Changed)
{
    public CommentContent Content { get; init; } = CommentContent.SavedPage;
}

/// <summary>What an export adds to a comment; <see cref="SavedPage"/> for a comment only a saved page holds.</summary>
public sealed record CommentContent(string? BloggerId, string? AuthorName, string? AuthorUri, DateTimeOffset? PublishedAt, TextFormat Format, string? SearchText)
{
    public static CommentContent SavedPage { get; } = new(null, null, null, null, TextFormat.Text, null);
}
