using System.Globalization;
using Microsoft.EntityFrameworkCore;
using ProbationArchive.Core.Data;
using ProbationArchive.Web.Feeds;
using ProbationArchive.Web.Reading;

namespace ProbationArchive.Web.Routing;

/// <summary>
/// Old Blogger addresses that moved, each answered with 301 to its equivalent here. Where the
/// equivalent depends on the archive's contents (a label, a month) it is looked up first, so an
/// unknown one answers 404 directly rather than 301 then 404. "/yyyy/MM/slug.html" is handled by
/// the post page, which looks the post up. Blogger's per-post comment feeds
/// ("/feeds/{postid}/comments/default") are addressed by Blogger's post number: known for a post
/// a Blogger export brought (its BloggerId ends in it), unknown for one only saved pages hold,
/// which answers 404 with a page saying why (NotFoundModel).
/// </summary>
internal static class LegacyRedirects
{
    public static IEndpointRouteBuilder MapLegacyRedirects(this IEndpointRouteBuilder endpoints)
    {
        // Blogger's label pages; "+" between names survives, as "/label/A+B" means the same.
        endpoints.MapGet("/search/label/{names}", (string names) =>
            Results.Redirect(ArchiveUrls.Label(names.Split('+')), permanent: true));
        // The blog's feed, Atom by default and RSS with "?alt=rss": the archive's is Atom, with the same posts.
        endpoints.MapGet("/feeds/posts/default", () => Results.Redirect(FeedEndpoints.AllPosts, permanent: true));
        endpoints.MapGet("/feeds/posts/default/-/{label}", LabelFeedAsync);
        endpoints.MapGet("/feeds/{number:regex(^[0-9]+$)}/comments/default", CommentFeedAsync);
        // Blogger's date archives: "2018_11_01_archive.html" is November 2018 (weekly and daily ones name a day of the month).
        endpoints.MapGet("/{archive:regex(^[0-9]{{4}}_[0-9]{{2}}_[0-9]{{2}}_archive\\.html$)}", DateArchiveAsync);
        return endpoints;
    }

    private static async Task<IResult> LabelFeedAsync(string label, ArchiveDbContext db, CancellationToken cancellationToken)
    {
        var name = await db.Labels.AsNoTracking().Where(l => l.Name == label).Select(l => l.Name).SingleOrDefaultAsync(cancellationToken);
        return name is null ? Results.NotFound() : Results.Redirect(FeedEndpoints.Label(name), permanent: true);
    }

    private static async Task<IResult> CommentFeedAsync(string number, ArchiveDbContext db, CancellationToken cancellationToken)
    {
        var suffix = "." + number;
        var permalink = await db.Posts.IgnoreQueryFilters([ArchiveDbContext.PostsOnly]).AsNoTracking()
            .Where(p => p.BloggerId != null && p.BloggerId.EndsWith(suffix))
            .Select(p => p.Permalink).FirstOrDefaultAsync(cancellationToken);
        return permalink is null ? Results.NotFound() : Results.Redirect(FeedEndpoints.Comments(permalink), permanent: true);
    }

    private static async Task<IResult> DateArchiveAsync(string archive, ArchiveDbContext db, CancellationToken cancellationToken)
    {
        var year = int.Parse(archive.AsSpan(0, 4), CultureInfo.InvariantCulture);
        var month = int.Parse(archive.AsSpan(5, 2), CultureInfo.InvariantCulture);
        if (year is < 1 or > 9998 || month is < 1 or > 12)
        {
            return Results.NotFound();
        }

        var from = new DateOnly(year, month, 1);
        var to = from.AddMonths(1);
        var held = await db.Posts.AsNoTracking().AnyAsync(p => p.PublishedOn >= from && p.PublishedOn < to, cancellationToken);
        return held ? Results.Redirect(ArchiveUrls.Month(year, month), permanent: true) : Results.NotFound();
    }
}
