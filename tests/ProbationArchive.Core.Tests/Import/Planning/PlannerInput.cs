using ProbationArchive.Core.Import;
using ProbationArchive.Core.Import.Planning;
using ProbationArchive.Core.Parsing;

namespace ProbationArchive.Core.Tests.Import.Planning;

/// <summary>Pages and stored state for planner tests: what the planner sees, built without a database.</summary>
internal static class PlannerInput
{
    public const string Date = "Tuesday, 11 June 2019";
    public const string Title = "Merged Post";
    public const string Body = "The body as the blog showed it.";

    public static readonly DateTime ImportedAt = new(2026, 12, 1, 12, 0, 0, DateTimeKind.Utc);

    public static PageImport Page(string text, string path = "/pages/page.txt")
    {
        var page = BlogPageParser.Parse(text);
        Assert.False(page.HasErrors, string.Join("\n", page.Diagnostics));
        return new PageImport(path, "hash-of-" + path, ImportedAt, page);
    }

    public static PagePlan Plan(PageImport page, StoredPage? stored = null) => ImportPlanner.Plan(page, stored ?? StoredPage.Nothing);

    /// <summary>A stored post as the planner would have written it from <paramref name="parsed"/>'s first post.</summary>
    public static StoredPost Stored(int id, PageImport parsed, bool ownPageElsewhere = false, int? labelId = null, string? permalink = null)
    {
        var post = parsed.Page.Posts[0];
        var slug = PostIdentity.SlugFor(post.Title);
        var row = new PostRow(
            PostIdentity.KeyFor(post), post.Title, post.TitleIsDerived, post.Date, slug,
            permalink ?? PostIdentity.PermalinkFor(post.Date, slug), post.Body,
            parsed.Page.Kind == PageKind.LabelPage ? null : post.DeclaredCommentCount);
        return new StoredPost(id, row, ownPageElsewhere, labelId is { } label ? new HashSet<int> { label } : []);
    }

    public static StoredPage Holding(params StoredPost[] posts) =>
        StoredPage.Nothing with
        {
            Posts = posts,
            TakenPermalinks = posts.ToDictionary(p => p.Row.Permalink, p => p.Id),
        };

    /// <summary>Stored comments numbered as a page with these top-level comments (no replies) would be.</summary>
    public static IReadOnlyList<StoredComment> Thread(int firstId, params string[] texts) =>
        [.. texts.Select((text, i) => new StoredComment(firstId + i, null, i, $"{i + 1}", text, 9 + (3 * i)))];
}
