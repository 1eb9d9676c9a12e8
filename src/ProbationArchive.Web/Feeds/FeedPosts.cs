using System.ServiceModel.Syndication;
using Microsoft.EntityFrameworkCore;
using ProbationArchive.Core.Archive;
using ProbationArchive.Core.Rendering;
using ProbationArchive.Web.Reading;

namespace ProbationArchive.Web.Feeds;

/// <summary>The newest posts of a query as Atom entries, read in one query.</summary>
internal static class FeedPosts
{
    public sealed record FeedPost(string Title, string Permalink, DateOnly? PublishedOn, string Body, Core.Archive.TextFormat BodyFormat, IReadOnlyList<string> Labels);

    public static Task<List<FeedPost>> NewestAsync(IQueryable<Post> posts, int count, CancellationToken cancellationToken) =>
        // Labels in a statement of their own, by index (see PostLists).
        posts.AsNoTracking().AsSplitQuery()
            .Where(p => p.PublishedOn != null)
            .OrderByDescending(p => p.PublishedOn).ThenByDescending(p => p.Id)
            .Take(count)
            .Select(p => new FeedPost(p.Title, p.Permalink, p.PublishedOn, p.Body, p.BodyFormat, p.Labels.OrderBy(l => l.Name).Select(l => l.Name).ToList()))
            .ToListAsync(cancellationToken);

    public static SyndicationFeed ToFeed(HttpRequest request, string title, string selfPath, string alternatePath, IReadOnlyList<FeedPost> posts)
    {
        var root = AtomResult.SiteRoot(request);
        var updated = posts.Count > 0 ? AtomResult.AtMidnight(posts[0].PublishedOn!.Value) : DateTimeOffset.UnixEpoch;
        var feed = new SyndicationFeed(title, "An archive of a blog about the probation service in England and Wales.", new Uri(root, alternatePath), new Uri(root, selfPath).AbsoluteUri, updated)
        {
            Items = posts.Select(p => ToItem(root, p)).ToList(),
        };
        feed.Authors.Add(new SyndicationPerson { Name = "Probation Archive" });
        feed.Links.Add(SyndicationLink.CreateSelfLink(new Uri(root, selfPath), AtomResult.ContentType));
        return feed;
    }

    private static SyndicationItem ToItem(Uri root, FeedPost post)
    {
        var address = new Uri(root, ArchiveUrls.Post(post.Permalink));
        var date = AtomResult.AtMidnight(post.PublishedOn!.Value);
        var item = new SyndicationItem(post.Title, new TextSyndicationContent(ArchiveMarkdown.RenderBody(post.Body, post.BodyFormat), TextSyndicationContentKind.Html), address, address.AbsoluteUri, date)
        {
            PublishDate = date,
        };
        foreach (var label in post.Labels)
        {
            item.Categories.Add(new SyndicationCategory(label));
        }

        return item;
    }
}
