using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ProbationArchive.Core.Archive;
using ProbationArchive.Core.Data;
using ProbationArchive.Core.Rendering;
using ProbationArchive.Web.Reading;

namespace ProbationArchive.Web.Pages;

/// <summary>A post and its comment threads, at "/yyyy/MM/slug" or "/undated/slug" (routes in WebPipeline).</summary>
public sealed class PostModel(ArchiveDbContext db) : PageModel, IDescribedPage
{
    private const string BloggerSuffix = ".html";

    public PostView Post { get; private set; } = null!;

    /// <summary>The post's comment threads, and which of them this view of the page shows.</summary>
    public PostDiscussion Discussion { get; private set; } = null!;

    /// <summary>The post is known only from label pages, which show no comments: "Comments not saved", not "No comments".</summary>
    public bool CommentsNotSaved => Discussion.CommentCount == 0 && Post.KnownOnlyFromLabelPages;

    public PostLink? Newer { get; private set; }

    public PostLink? Older { get; private set; }

    /// <summary>The post's excerpt, as in lists of posts.</summary>
    public string Description { get; private set; } = "";

    /// <summary>Each view of the comments is its own page: "?page=2", "?page=all", "?replies=hidden".</summary>
    public string? CanonicalPath => Discussion.View.Url(ArchiveUrls.Post(Post.Permalink));

    // "page" is also Razor Pages' own route value (the page's name), so the parameters are named apart.
    public async Task<IActionResult> OnGetAsync(
        string? year,
        string? month,
        string? slug,
        [FromQuery(Name = CommentsView.PageParameter)] string? commentPage,
        [FromQuery(Name = CommentsView.RepliesParameter)] string? replies,
        [FromQuery(Name = CommentsView.CommentParameter)] string? comment,
        CancellationToken cancellationToken)
    {
        // Model binding turns a slug of only spaces ("/2018/11/%20") into null.
        if (string.IsNullOrWhiteSpace(slug))
        {
            return NotFound();
        }

        var isPage = Request.Path.StartsWithSegments("/p", StringComparison.Ordinal);
        if (slug.EndsWith(BloggerSuffix, StringComparison.OrdinalIgnoreCase))
        {
            if (isPage)
            {
                return RedirectPermanent(ArchiveUrls.Post($"p/{slug[..^BloggerSuffix.Length]}"));
            }

            if (year is not null && month is not null)
            {
                return await RedirectFromBloggerAsync(year, month, slug[..^BloggerSuffix.Length], cancellationToken);
            }
        }

        var permalink = isPage ? $"p/{slug}" : year is null ? $"undated/{slug}" : $"{year}/{month}/{slug}";
        if (comment is not null)
        {
            return await RedirectToCommentAsync(permalink, comment, cancellationToken);
        }

        // Three statements, the post, its labels, its sources, each an index lookup (AsSplitQuery).
        // In one statement SQLite materialised the label and source joins for every post of the
        // archive first: 47 ms a render on the default corpus (docs/PERFORMANCE.md).
        // A Blogger page is found at its own address though lists leave it out; drafts stay hidden.
        var post = await db.Posts.IgnoreQueryFilters([ArchiveDbContext.PostsOnly]).AsNoTracking().AsSplitQuery()
            .Where(p => p.Permalink == permalink)
            .Select(p => new PostView(
                p.Id, p.Title, p.TitleIsDerived, p.PublishedOn, p.Permalink, p.Body, p.DeclaredCommentCount,
                p.Labels.OrderBy(l => l.Name).Select(l => l.Name).ToList(),
                p.Sources.OrderBy(s => s.SourceFile.ImportedAtUtc).ThenBy(s => s.SourceFileId)
                    .Select(s => new PostSourceView(s.SourceFile.Path, s.Line, s.SourceFile.PageKind, s.SourceFile.Label, s.SourceFile.ImportedAtUtc))
                    .ToList())
            {
                BodyFormat = p.BodyFormat,
                Kind = p.Kind,
                SearchText = p.SearchText,
            })
            .SingleOrDefaultAsync(cancellationToken);
        if (post is null)
        {
            return NotFound();
        }

        Post = post;
        var threads = await CommentThreads.LoadAsync(db, post.Id, cancellationToken);
        var pages = CommentPages.Split(threads);
        if (CommentsView.FromQuery(commentPage, replies, pages.Count) is not { } view)
        {
            return NotFound();
        }

        Discussion = new PostDiscussion(ArchiveUrls.Post(post.Permalink), threads, pages, view);
        Description = Excerpt.From(post.SearchText ?? post.Body);
        if (post.Kind == PostKind.Post)
        {
            Newer = await PostNeighbours.NewerAsync(db.Posts, post.Id, post.PublishedOn, cancellationToken);
            Older = await PostNeighbours.OlderAsync(db.Posts, post.Id, post.PublishedOn, cancellationToken);
        }
        return Page();
    }

    /// <summary>
    /// A comment's lasting address ("?comment=12093", from feeds, search hits and permalinks)
    /// moves to the page of comments that holds it now, with the comment's fragment. Temporary
    /// (302): a later import can page the discussion differently.
    /// </summary>
    private async Task<IActionResult> RedirectToCommentAsync(string permalink, string comment, CancellationToken cancellationToken)
    {
        if (!int.TryParse(comment, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var commentId))
        {
            return NotFound();
        }

        var postId = await db.Posts.IgnoreQueryFilters([ArchiveDbContext.PostsOnly]).AsNoTracking().Where(p => p.Permalink == permalink).Select(p => (int?)p.Id).SingleOrDefaultAsync(cancellationToken);
        if (postId is null || await CommentPlacement.PageOfAsync(db, postId.Value, commentId, cancellationToken) is not { } page)
        {
            return NotFound();
        }

        return Redirect(CommentsView.FirstPage.OnPage(page).Url(ArchiveUrls.Post(permalink)) + "#" + ArchiveUrls.CommentAnchor(commentId));
    }

    /// <summary>
    /// Blogger's "/yyyy/MM/slug.html" moves permanently to the post's address. Blogger cut long
    /// slugs shorter than ours, so a slug that begins exactly one post of that month also matches.
    /// </summary>
    private async Task<IActionResult> RedirectFromBloggerAsync(string year, string month, string slug, CancellationToken cancellationToken)
    {
        var monthPrefix = $"{year}/{month}/";
        var exact = monthPrefix + slug;
        var matches = await db.Posts.AsNoTracking()
            // "Begins with exact-" as a range of the permalink index ('.' follows '-'): LIKE could not use it.
            .Where(p => p.Permalink == exact || (slug.Length > 0 && p.Permalink.CompareTo(exact + "-") >= 0 && p.Permalink.CompareTo(exact + ".") < 0))
            .OrderBy(p => p.Permalink != exact)
            .Select(p => p.Permalink)
            .Take(2)
            .ToListAsync(cancellationToken);
        if (matches is [_] || (matches.Count > 0 && matches[0] == exact))
        {
            return RedirectPermanent(ArchiveUrls.Post(matches[0]));
        }

        return NotFound();
    }
}
