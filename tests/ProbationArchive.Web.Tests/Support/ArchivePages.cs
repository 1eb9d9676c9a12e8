using System.Net;
using System.Xml.Linq;

namespace ProbationArchive.Web.Tests.Support;

/// <summary>
/// Every page of an archive a reader can reach: what its sitemap lists (home, labels, the
/// overview, each post, label, year and month), and the pages a sitemap leaves out (another
/// sort, the undated posts, search asked, answered and refused, and the "not found" answers).
/// </summary>
public static class ArchivePages
{
    private static readonly XNamespace Sitemap = "http://www.sitemaps.org/schemas/sitemap/0.9";

    /// <summary>Pages not in the sitemap, with the status each answers.</summary>
    public static readonly (string Path, HttpStatusCode Status)[] Others =
    [
        ("/labels?sort=count", HttpStatusCode.OK),
        ("/undated", HttpStatusCode.OK),
        ("/search", HttpStatusCode.OK),
        ("/search?q=napo", HttpStatusCode.OK),
        ("/search?q=%22only%20do%20for%20napo%22&order=newest", HttpStatusCode.OK),
        ("/search?q=probation&label=PO&from=2017-01-01&to=2023-12-31", HttpStatusCode.OK),
        ("/search?q=zzzznothing", HttpStatusCode.OK),
        ("/search?q=-napo", HttpStatusCode.BadRequest),
        ("/no-such-page", HttpStatusCode.NotFound),
        ("/label/PO+Napo", HttpStatusCode.NotFound),
    ];

    /// <summary>Every page's path below the site root and the status it answers with.</summary>
    public static async Task<IReadOnlyList<(string Path, HttpStatusCode Status)>> AllAsync(HttpClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        var xml = await client.GetStringAsync(new Uri("/sitemap.xml", UriKind.Relative), TestContext.Current.CancellationToken);
        var listed = XDocument.Parse(xml).Root!.Elements(Sitemap + "url")
            .Select(u => new Uri(u.Element(Sitemap + "loc")!.Value).PathAndQuery)
            .Select(path => (path, HttpStatusCode.OK));
        return [.. listed, .. Others];
    }
}
