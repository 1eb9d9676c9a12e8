using ProbationArchive.Core.Archive;
using ProbationArchive.Core.Parsing;

namespace ProbationArchive.Core.Import.Planning;

/// <summary>
/// Everything one saved page changes in the archive, decided by <see cref="ImportPlanner"/> and
/// applied as it stands by <see cref="Storage.PlanWriter"/>. Rows without an id are new. An export
/// is written as its file's row, then a <see cref="PostsPlan"/> a post, then its removals.
/// </summary>
public sealed record PagePlan(
    SourceFileRow File,
    IReadOnlyList<Diagnostic> Warnings,
    PostsPlan Content,
    IReadOnlyList<LinkRemoval> Removals)
{
    /// <summary>No stored title, body or comment is rewritten or removed: a search index built beside the import can take the new rows as they are.</summary>
    public bool OnlyAdds => Removals.Count == 0 && Content.OnlyAdds;
}

/// <summary>The posts of a page (or one post of an export), with the labels they are to gain.</summary>
public sealed record PostsPlan(IReadOnlyList<LabelRow> Labels, IReadOnlyList<PostPlan> Posts)
{
    public bool OnlyAdds => Posts.All(p => p.OnlyAdds);
}

/// <param name="Id">Null for a file never imported before.</param>
public sealed record SourceFileRow(int? Id, string Path, string ContentHash, DateTime ImportedAtUtc, ImportOutcome Outcome, PageKind PageKind, string? Label);

/// <param name="Id">Null for a label the archive does not hold yet.</param>
public sealed record LabelRow(int? Id, string Name);

public enum PostChange
{
    New,
    Updated,
    Unchanged,
}

/// <param name="Id">Null for a new post.</param>
/// <param name="Row">The row to insert, or to write over the stored one; null leaves the stored row as it is.</param>
/// <param name="AddLabels">Indexes in <see cref="PostsPlan.Labels"/> of the labels the post gains.</param>
/// <param name="Link">Where the post stands in the file; <see cref="LinkRow.IsStored"/> when the file held it before.</param>
/// <param name="Thread">The post's comments as they are to be; null leaves its comments as they are.</param>
public sealed record PostPlan(int? Id, PostChange Change, PostRow? Row, IReadOnlyList<int> AddLabels, LinkRow Link, ThreadPlan? Thread)
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

    public bool ChangesAnything => Removed.Count > 0 || Comments.Any(c => c.Changed);
}

/// <summary>A post the file held at its last import and no longer holds.</summary>
/// <param name="LabelId">The label it gave the post, to be taken back; null when it gave none or another page still gives it.</param>
public sealed record LinkRemoval(int PostId, int? LabelId);
