namespace ProbationArchive.Web.Reading;

/// <summary>One page of a list of posts, newest first, and whether older ones follow.</summary>
public sealed record PostListPage(IReadOnlyList<PostSummary> Posts, int PageNumber, bool HasOlder)
{
    public bool HasNewer => PageNumber > 1;

    public Pager PagerFor(string path) => new(
        HasNewer ? ArchiveUrls.Paged(path, PageNumber - 1) : null,
        HasOlder ? ArchiveUrls.Paged(path, PageNumber + 1) : null);
}
