using System.Globalization;
using System.Net;
using System.Xml.Linq;
using Microsoft.EntityFrameworkCore;
using ProbationArchive.Web.Tests.Support;

namespace ProbationArchive.Web.Tests.Feeds;

public class SitemapTests(ArchiveWebFactory factory)
{
    private static readonly XNamespace Sitemap = "http://www.sitemaps.org/schemas/sitemap/0.9";

    /// <summary>The pages listed besides posts, labels and date archives.</summary>
    private static readonly string[] FixedPages = ["/", "/labels", "/archive"];

    [Fact]
    public async Task Sitemap_ListsEveryPostLabelAndArchivePage_AndEachAnswers()
    {
        var client = factory.CreateReader();
        using var response = await client.GetAsync(new Uri("/sitemap.xml", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal("application/xml", response.Content.Headers.ContentType?.MediaType);
        var sitemap = XDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal(Sitemap + "urlset", sitemap.Root!.Name);
        var locations = sitemap.Root.Elements(Sitemap + "url").Select(u => u.Element(Sitemap + "loc")!.Value).ToList();

        var posts = await factory.ReadStoreAsync((db, ct) => db.Posts.Select(p => new { p.Permalink, p.PublishedOn }).ToListAsync(ct));
        var labels = await factory.ReadStoreAsync((db, ct) => db.Labels.Select(l => l.Name).ToListAsync(ct));
        var dates = posts.Where(p => p.PublishedOn is not null).Select(p => p.PublishedOn!.Value).ToList();
        var expected = FixedPages
            .Concat(posts.Select(p => "/" + p.Permalink))
            .Concat(labels.Select(l => "/label/" + Uri.EscapeDataString(l)))
            .Concat(dates.Select(d => d.ToString("/yyyy", CultureInfo.InvariantCulture)).Distinct())
            .Concat(dates.Select(d => d.ToString("/yyyy/MM", CultureInfo.InvariantCulture)).Distinct())
            .Select(path => FeedReader.Site + path);
        Assert.Equal(expected.Order(StringComparer.Ordinal), locations.Order(StringComparer.Ordinal));
        Assert.Equal(locations.Count, locations.Distinct().Count());

        foreach (var location in locations)
        {
            using var page = await client.GetAsync(new Uri(location), TestContext.Current.CancellationToken);
            Assert.True(page.StatusCode == HttpStatusCode.OK, $"{location} answered {(int)page.StatusCode}");
        }
    }

    [Fact]
    public async Task Robots_PointsAtTheSitemap_AndKeepsCrawlersOutOfSearch()
    {
        using var response = await factory.CreateReader().GetAsync(new Uri("/robots.txt", UriKind.Relative), TestContext.Current.CancellationToken);
        var robots = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        var lines = robots.Split('\n');
        Assert.Contains($"Sitemap: {FeedReader.Site}/sitemap.xml", lines);
        Assert.Contains("Disallow: /search", lines);
        Assert.Contains("User-agent: *", lines);
    }
}
