using System.ServiceModel.Syndication;
using System.Text;
using System.Xml;

namespace ProbationArchive.Web.Feeds;

/// <summary>Writes a <see cref="SyndicationFeed"/> as an Atom 1.0 document.</summary>
internal static class AtomResult
{
    public const string ContentType = "application/atom+xml; charset=utf-8";

    public static IResult From(SyndicationFeed feed)
    {
        using var stream = new MemoryStream();
        using (var writer = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true }))
        {
            new Atom10FeedFormatter(feed).WriteTo(writer);
        }

        return Results.Bytes(stream.ToArray(), ContentType);
    }

    /// <summary>The site's absolute root, for ids and links that must be absolute in Atom: Archive:PublicBaseUrl when set, else the request's.</summary>
    public static Uri SiteRoot(HttpRequest request) => Hosting.PublicAddress.Root(request);

    public static DateTimeOffset AtMidnight(DateOnly date) => new(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
}
