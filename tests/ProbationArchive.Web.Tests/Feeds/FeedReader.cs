using System.Net;
using System.ServiceModel.Syndication;
using System.Xml;

namespace ProbationArchive.Web.Tests.Feeds;

internal static class FeedReader
{
    public const string Site = "http://localhost";

    /// <summary>Fetches a feed and reads it back with System.ServiceModel.Syndication, which must take it as Atom 1.0.</summary>
    public static async Task<SyndicationFeed> GetAtomAsync(this HttpClient client, string url)
    {
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/atom+xml", response.Content.Headers.ContentType?.MediaType);
        await using var stream = await response.Content.ReadAsStreamAsync(TestContext.Current.CancellationToken);
        using var reader = XmlReader.Create(stream, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit });
        Assert.True(new Atom10FeedFormatter().CanRead(reader), $"{url} is not an Atom 1.0 feed");
        return SyndicationFeed.Load(reader);
    }

    public static string AlternateLink(this SyndicationItem item) =>
        item.Links.Single(l => l.RelationshipType is null or "alternate").Uri.AbsoluteUri;
}
