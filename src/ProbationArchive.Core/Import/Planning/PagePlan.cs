using ProbationArchive.Core.Archive;
using ProbationArchive.Core.Parsing;

namespace ProbationArchive.Core.Import.Planning;

/// <summary>
/// Everything one page changes in the archive, decided by <see cref="ImportPlanner"/> and applied
/// as it stands by <see cref="Storage.PlanWriter"/>. Rows without an id are new.
/// </summary>
public sealed record PagePlan(
    SourceFileRow File,
    IReadOnlyList<Diagnostic> Warnings,
    LabelRow? Label,
    IReadOnlyList<PostPlan> Posts,
    IReadOnlyList<LinkRemoval> Removals)
{
    /// <summary>No stored title, body or comment is rewritten or removed: a search index built beside the import can take the new rows as they are.</summary>
    public bool OnlyAdds => Removals.Count == 0 && Posts.All(p => p.OnlyAdds);
}

/// <param name="Id">Null for a file never imported before.</param>
public sealed record SourceFileRow(int? Id, string Path, string ContentHash, DateTime ImportedAtUtc, ImportOutcome Outcome, PageKind PageKind, string? Label);

/// <param name="Id">Null for a label the archive does not hold yet.</param>
public sealed record LabelRow(int? Id, string Name);

/// <summary>The stored fields of a post, as inserted or as they are to become.</summary>
public sealed record PostRow(
    string IdentityKey,
    string Title,
    bool TitleIsDerived,
    DateOnly? PublishedOn,
    string Slug,
    string Permalink,
    string Body,
    int? DeclaredCommentCount);

public enum PostChange
{
    New,
    Updated,
    Unchanged,
}

/// <param name="Id">Null for a new post.</param>
/// <param name="Row">The row to insert, or to write over the stored one; null leaves the stored row as it is.</param>
/// <param name="AddLabel">Link the post to the page's label.</param>
/// <param name="Link">Where the post stands in the file; <see cref="LinkRow.IsStored"/> when the file held it before.</param>
/// <param name="Thread">The post's comments as the page has them; null leaves its comments as they are.</param>
public sealed record PostPlan(int? Id, PostChange Change, PostRow? Row, bool AddLabel, LinkRow Link, ThreadPlan? Thread)
{
    public bool OnlyAdds => Id is null || (Row is null && (Thread?.OnlyAdds ?? true));
}

public sealed record LinkRow(int Position, int Line, bool IsStored);

/// <summary>
/// A thread in page order (pre-order, parents before their replies), matched to the stored one;
/// <see cref="Removed"/> are stored comments the page no longer has, deepest first.
/// </summary>
public sealed record ThreadPlan(IReadOnlyList<CommentRow> Comments, IReadOnlyList<int> Removed)
{
    public bool OnlyAdds => Removed.Count == 0 && Comments.All(c => c.StoredId is null);
}

/// <param name="StoredId">Null for a new comment.</param>
/// <param name="ParentIndex">The parent's index in the same <see cref="ThreadPlan.Comments"/>, or -1 for a top-level comment.</param>
/// <param name="Changed">A stored comment whose fields differ from the page: it is rewritten.</param>
public sealed record CommentRow(int? StoredId, int ParentIndex, string ThreadPath, int Position, string Text, int SourceLine, bool Changed);

/// <summary>A post the file held at its last import and no longer holds.</summary>
/// <param name="LabelId">The label it gave the post, to be taken back; null when it gave none or another page still gives it.</param>
public sealed record LinkRemoval(int PostId, int? LabelId);
