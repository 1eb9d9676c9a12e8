using System.ServiceModel.Syndication;
using Microsoft.EntityFrameworkCore;
using ProbationArchive.Core.Data;
using ProbationArchive.Core.Rendering;
using ProbationArchive.Web.Reading;

namespace ProbationArchive.Web.Feeds;

/// <summary>
/// Atom feeds: the whole archive and each label (newest posts), and each post's comments.
/// Posts carry their rendered body; comments have no timestamps in the saved pages, so a
/// comment entry is dated with its post.
/// </summary>
internal static class FeedEndpoints
{
    public const int PostsPerFeed = 25;
    public const string AllPosts = "/feeds/posts.atom";

    public static string Label(string name) => $"/feeds/label/{Uri.EscapeDataString(name)}.atom";

    public static string Comments(string permalink) => $"/feeds/comments/{permalink}.atom";

    public static IEndpointRouteBuilder MapArchiveFeeds(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(AllPosts, AllPostsAsync);
        endpoints.MapGet("/feeds/label/{name}.atom", LabelAsync);
        endpoints.MapGet("/feeds/comments/{**path}", CommentsAsync);
        return endpoints;
    }

    private static async Task<IResult> AllPostsAsync(HttpRequest request, ArchiveDbContext db, CancellationToken cancellationToken)
    {
        var posts = await FeedPosts.NewestAsync(db.Posts, PostsPerFeed, cancellationToken);
        return AtomResult.From(FeedPosts.ToFeed(request, "Probation Archive: newest posts", AllPosts, "/", posts));
    }

    private static async Task<IResult> LabelAsync(string name, HttpRequest request, ArchiveDbContext db, CancellationToken cancellationToken)
    {
        // The server leaves an escaped "/" undecoded in a path, so a label such as "CRC/NPS" arrives as "CRC%2FNPS".
        name = name.Replace("%2F", "/", StringComparison.OrdinalIgnoreCase);
        var label = await db.Labels.AsNoTracking().Where(l => l.Name == name).Select(l => l.Name).SingleOrDefaultAsync(cancellationToken);
        if (label is null)
        {
            return Results.NotFound();
        }

        var posts = await FeedPosts.NewestAsync(db.Posts.Where(p => p.Labels.Any(l => l.Name == label)), PostsPerFeed, cancellationToken);
        return AtomResult.From(FeedPosts.ToFeed(request, $"Probation Archive: posts with label {label}", Label(label), ArchiveUrls.Label(label), posts));
    }

    private static async Task<IResult> CommentsAsync(string path, HttpRequest request, ArchiveDbContext db, CancellationToken cancellationToken)
    {
        if (!path.EndsWith(".atom", StringComparison.Ordinal))
        {
            return Results.NotFound();
        }

        var permalink = path[..^".atom".Length];
        // A Blogger page's comments have a feed too; a draft's do not.
        var post = await db.Posts.IgnoreQueryFilters([ArchiveDbContext.PostsOnly]).AsNoTracking().Where(p => p.Permalink == permalink)
            .Select(p => new { p.Id, p.Title, p.PublishedOn })
            .SingleOrDefaultAsync(cancellationToken);
        if (post is null)
        {
            return Results.NotFound();
        }

        var comments = await db.Comments.AsNoTracking().Where(c => c.PostId == post.Id).OrderBy(c => c.Position)
            .Select(c => new { c.Id, c.ThreadPath, c.ParentId, c.Text, c.TextFormat })
            .ToListAsync(cancellationToken);
        var root = AtomResult.SiteRoot(request);
        var updated = post.PublishedOn is { } date ? AtomResult.AtMidnight(date) : DateTimeOffset.UnixEpoch;
        var feed = new SyndicationFeed($"Comments on {post.Title}", null, new Uri(root, ArchiveUrls.Post(permalink)), new Uri(root, Comments(permalink)).AbsoluteUri, updated)
        {
            Items = comments.Select(c => new SyndicationItem
            {
                Id = new Uri(root, ArchiveUrls.CommentOnFirstPage(permalink, c.Id)).AbsoluteUri,
                Title = new TextSyndicationContent(c.ParentId is null ? $"Comment {c.ThreadPath}" : $"Reply {c.ThreadPath}"),
                Content = new TextSyndicationContent(ArchiveMarkdown.RenderComment(c.Text, c.TextFormat), TextSyndicationContentKind.Html),
                LastUpdatedTime = updated,
                Links = { SyndicationLink.CreateAlternateLink(new Uri(root, ArchiveUrls.Comment(permalink, c.Id))) },
            }).ToList(),
        };
        feed.Authors.Add(new SyndicationPerson { Name = "Probation Archive" });
        feed.Links.Add(SyndicationLink.CreateSelfLink(new Uri(root, Comments(permalink)), AtomResult.ContentType));
        return AtomResult.From(feed);
    }
}
