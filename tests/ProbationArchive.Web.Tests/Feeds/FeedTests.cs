using System.Net;
using System.ServiceModel.Syndication;
using Microsoft.EntityFrameworkCore;
using ProbationArchive.Web.Tests.Support;

namespace ProbationArchive.Web.Tests.Feeds;

/// <summary>Every feed reads back as Atom with the entries the store says it should hold.</summary>
public class FeedTests(ArchiveWebFactory factory)
{
    [Fact]
    public async Task ArchiveFeed_HoldsTheDatedPostsNewestFirst_AndNoUndatedOne()
    {
        var feed = await factory.CreateReader().GetAtomAsync("/feeds/posts.atom");

        var dated = await factory.ReadStoreAsync((db, ct) => db.Posts.Where(p => p.PublishedOn != null)
            .OrderByDescending(p => p.PublishedOn).ThenByDescending(p => p.Id)
            .Select(p => new { p.Title, p.Permalink, p.PublishedOn }).Take(25).ToListAsync(ct));
        var undated = await factory.ReadStoreAsync((db, ct) => db.Posts.Where(p => p.PublishedOn == null).Select(p => p.Permalink).ToListAsync(ct));
        Assert.NotEmpty(undated);
        var items = feed.Items.ToList();
        Assert.Equal(dated.Select(p => p.Title), items.Select(i => i.Title.Text));
        Assert.Equal(dated.Select(p => $"{FeedReader.Site}/{p.Permalink}"), items.Select(i => i.Id));
        Assert.Equal(dated.Select(p => $"{FeedReader.Site}/{p.Permalink}"), items.Select(i => i.AlternateLink()));
        Assert.Equal(dated.Select(p => p.PublishedOn!.Value), items.Select(i => DateOnly.FromDateTime(i.PublishDate.UtcDateTime)));
        Assert.DoesNotContain(items, i => undated.Any(u => i.Id.EndsWith(u, StringComparison.Ordinal)));
        Assert.Equal($"{FeedReader.Site}/feeds/posts.atom", feed.Links.Single(l => l.RelationshipType == "self").Uri.AbsoluteUri);
    }

    [Fact]
    public async Task LabelFeed_HoldsTheSixPoPostsNewestFirst()
    {
        var feed = await factory.CreateReader().GetAtomAsync("/feeds/label/PO.atom");

        Assert.Equal(Seeds.PoTitlesNewestFirst, feed.Items.Select(i => i.Title.Text));
        Assert.All(feed.Items, i => Assert.Contains(i.Categories, c => c.Name == "PO"));
        Assert.All(feed.Items, i => Assert.False(string.IsNullOrWhiteSpace((i.Content as TextSyndicationContent)?.Text)));
        Assert.Equal($"{FeedReader.Site}/label/PO", feed.Links.Single(l => l.RelationshipType == "alternate").Uri.AbsoluteUri);
    }

    [Fact]
    public async Task CommentsFeed_HoldsEveryCommentOfThePost_EachPointingAtItsAnchor()
    {
        var feed = await factory.CreateReader().GetAtomAsync($"/feeds/comments{Seeds.Napo179}.atom");

        var comments = await factory.ReadStoreAsync((db, ct) => db.Comments.Where(c => c.Post.Permalink == Seeds.Napo179.TrimStart('/'))
            .OrderBy(c => c.Position).Select(c => new { c.Id, c.ThreadPath, c.ParentId }).ToListAsync(ct));
        Assert.Equal(14, comments.Count);
        var items = feed.Items.ToList();
        Assert.Equal(comments.Select(c => $"{FeedReader.Site}{Seeds.Napo179}#c{c.Id}"), items.Select(i => i.Id));
        // The id never changes; the link is the comment's lasting address, which finds its page of comments.
        Assert.Equal(comments.Select(c => $"{FeedReader.Site}{Seeds.Napo179}?comment={c.Id}"), items.Select(i => i.AlternateLink()));
        Assert.Equal(comments.Select(c => (c.ParentId is null ? "Comment " : "Reply ") + c.ThreadPath), items.Select(i => i.Title.Text));
        Assert.Equal("Comments on Latest From Napo 179", feed.Title.Text);
    }

    [Theory]
    [InlineData("/feeds/label/No%20such%20label.atom")]
    [InlineData("/feeds/comments/2018/11/no-such-post.atom")]
    [InlineData("/feeds/comments/undated/no-such-post.atom")]
    [InlineData("/feeds/comments/2018/11/latest-from-napo-179")]
    [InlineData("/feeds/comments/.atom")]
    public async Task UnknownFeed_Is404(string url)
    {
        using var response = await factory.CreateReader().GetAsync(new Uri(url, UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData("/", "/feeds/posts.atom")]
    [InlineData("/label/PO", "/feeds/label/PO.atom")]
    [InlineData(Seeds.Napo179, "/feeds/comments/2018/11/latest-from-napo-179.atom")]
    [InlineData(Seeds.Undated, "/feeds/comments/undated/here-we-have-highlights-from-the-latest-napo-mailout-to.atom")]
    public async Task Page_AdvertisesItsFeed_WhichLoads(string url, string feedUrl)
    {
        var client = factory.CreateReader();
        var page = await client.GetDocumentAsync(url);

        var link = page.One("head link[rel=alternate]");
        Assert.Equal("application/atom+xml", link.GetAttribute("type"));
        Assert.Equal(feedUrl, link.GetAttribute("href"));
        Assert.False(string.IsNullOrWhiteSpace(link.GetAttribute("title")));
        await client.GetAtomAsync(feedUrl);
    }

    [Theory]
    [InlineData("/labels")]
    [InlineData("/search?q=napo")]
    public async Task PagesWithoutAFeed_AdvertiseNone(string url)
    {
        var page = await factory.CreateReader().GetDocumentAsync(url);

        Assert.Empty(page.QuerySelectorAll("link[rel=alternate]"));
    }
}
