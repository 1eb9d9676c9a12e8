using System.Globalization;
using System.Text;
using System.Xml;
using Microsoft.EntityFrameworkCore;
using ProbationArchive.Core.Archive;
using ProbationArchive.Core.Data;
using ProbationArchive.Web.Reading;

namespace ProbationArchive.Web.Feeds;

/// <summary>sitemap.xml (every post, label and date-archive page, and the month-by-month overview) and robots.txt.</summary>
internal static class SitemapEndpoints
{
    private const string SitemapNamespace = "http://www.sitemaps.org/schemas/sitemap/0.9";

    public static IEndpointRouteBuilder MapArchiveSitemap(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/sitemap.xml", SitemapAsync);
        endpoints.MapGet("/robots.txt", (HttpRequest request) => Results.Text(
            // Search result pages are endless and say nothing the posts do not; crawlers get the sitemap instead.
            $"User-agent: *\nDisallow: /search\n\nSitemap: {new Uri(AtomResult.SiteRoot(request), "sitemap.xml").AbsoluteUri}\n",
            "text/plain; charset=utf-8"));
        return endpoints;
    }

    private static async Task<IResult> SitemapAsync(HttpRequest request, ArchiveDbContext db, CancellationToken cancellationToken)
    {
        // Blogger's pages are listed with the posts (they are public, at their own address); drafts never are.
        var posts = await db.Posts.IgnoreQueryFilters([ArchiveDbContext.PostsOnly]).AsNoTracking().OrderBy(p => p.PublishedOn).ThenBy(p => p.Id)
            .Select(p => new { p.Permalink, p.PublishedOn, p.Kind }).ToListAsync(cancellationToken);
        var labels = await db.Labels.AsNoTracking().OrderBy(l => l.Name).Select(l => l.Name).ToListAsync(cancellationToken);
        var months = posts.Where(p => p.PublishedOn is not null && p.Kind == PostKind.Post)
            .Select(p => (p.PublishedOn!.Value.Year, p.PublishedOn!.Value.Month)).Distinct().ToList();

        var root = AtomResult.SiteRoot(request);
        using var stream = new MemoryStream();
        using (var xml = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true }))
        {
            xml.WriteStartElement("urlset", SitemapNamespace);
            Url(ArchiveUrls.Home, null);
            Url(ArchiveUrls.Labels, null);
            Url(ArchiveUrls.Overview, null);
            foreach (var post in posts)
            {
                Url(ArchiveUrls.Post(post.Permalink), post.PublishedOn);
            }

            foreach (var label in labels)
            {
                Url(ArchiveUrls.Label(label), null);
            }

            foreach (var year in months.Select(m => m.Year).Distinct())
            {
                Url(ArchiveUrls.Year(year), null);
            }

            foreach (var (year, month) in months)
            {
                Url(ArchiveUrls.Month(year, month), null);
            }

            xml.WriteEndElement();

            void Url(string path, DateOnly? lastModified)
            {
                xml.WriteStartElement("url", SitemapNamespace);
                xml.WriteElementString("loc", SitemapNamespace, new Uri(root, path).AbsoluteUri);
                if (lastModified is { } date)
                {
                    xml.WriteElementString("lastmod", SitemapNamespace, date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                }

                xml.WriteEndElement();
            }
        }

        return Results.Bytes(stream.ToArray(), "application/xml; charset=utf-8");
    }
}
