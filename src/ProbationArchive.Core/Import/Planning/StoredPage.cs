namespace ProbationArchive.Core.Import.Planning;

/// <summary>
/// What the archive holds that bears on one page, read in bulk before the page is planned
/// (<see cref="Storage.StoredPageReader"/>): the file's own record, the posts the page names or
/// the file held before, the page's label, the addresses its posts would take, and the stored
/// threads of its posts when the page carries comments.
/// </summary>
/// <param name="Labels">The stored labels among those the page names, found case-insensitively.</param>
public sealed record StoredPage(
    StoredSourceFile? File,
    IReadOnlyList<StoredPost> Posts,
    IReadOnlyList<StoredLabel> Labels,
    IReadOnlyDictionary<string, int> TakenPermalinks,
    IReadOnlyDictionary<int, IReadOnlyList<StoredComment>> Threads)
{
    public static StoredPage Nothing { get; } = new(null, [], [], new Dictionary<string, int>(), new Dictionary<int, IReadOnlyList<StoredComment>>());
}

/// <param name="LabelId">The label this file gave its posts when it was a label page, if that label is stored.</param>
/// <param name="Links">The posts the file held at its last import.</param>
public sealed record StoredSourceFile(int Id, int? LabelId, IReadOnlyList<StoredLink> Links);

/// <param name="LabelledElsewhere">Another label page with the file's label also holds the post.</param>
public sealed record StoredLink(int PostId, int Position, bool LabelledElsewhere);

/// <param name="OwnPageElsewhere">The post was stored from its own page (not a label page) in another file.</param>
/// <param name="LabelIds">The labels the post has.</param>
public sealed record StoredPost(
    int Id,
    PostRow Row,
    bool OwnPageElsewhere,
    IReadOnlySet<int> LabelIds)
{
    /// <summary>An export holds the post: its copy wins over saved pages' (docs/import.md).</summary>
    public bool IsFromExport => Row.BloggerId is not null;
}

public sealed record StoredLabel(int Id, string Name);

public sealed record StoredComment(int Id, int? ParentId, int Position, string ThreadPath, string Text, int SourceLine)
{
    public CommentContent Content { get; init; } = CommentContent.SavedPage;
}
