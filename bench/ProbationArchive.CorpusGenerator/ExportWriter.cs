using System.Globalization;
using System.Text;
using System.Xml;

namespace ProbationArchive.CorpusGenerator;

/// <summary>What <see cref="ExportWriter"/> wrote.</summary>
public sealed record ExportManifest(string Path, long Bytes, int Posts, int Comments, int Replies);

/// <summary>
/// Writes the corpus's posts as one Blogger "Export blog" file (the classic Atom format), as a
/// stream, so memory stays small at any size: each post with its labels and HTML body, then every
/// comment, replies naming their parents by "related" links and written before them, as exports
/// do not promise any order. Times carry a −08:00 offset, as a Pacific blog's would.
/// </summary>
public static class ExportWriter
{
    private const string Blog = "5555555555";
    private static readonly XmlWriterSettings Settings = new() { Encoding = new UTF8Encoding(false), Indent = false };
    private static readonly DateOnly FirstUndated = new(2001, 1, 1);

    public static ExportManifest Write(CorpusOptions options, string path)
    {
        ArgumentNullException.ThrowIfNull(options);
        var material = SeedMaterial.Load();
        var plan = CorpusPlanner.Plan(options.Validate(), material);
        int comments = 0, replies = 0;
        using (var xml = XmlWriter.Create(path, Settings))
        {
            xml.WriteStartElement("feed", Atom.Ns);
            xml.WriteAttributeString("xmlns", "thr", null, Atom.Thread);
            xml.WriteElementString("id", Atom.Ns, $"tag:blogger.com,1999:blog-{Blog}.archive");
            foreach (var post in plan.Posts)
            {
                Atom.Post(xml, Blog, post.Index, Date(post), post.Title, Html(PageRenderer.Body(post, material)), post.Permalink, post.Labels.Select(l => plan.Labels[l]));
            }

            foreach (var post in plan.Posts.Where(p => p.Shape != PostShape.LabelOnly))
            {
                var number = 0;
                foreach (var thread in CommentThreads.For(post, material))
                {
                    var parent = CommentNumber(post.Index, ++number);
                    var parentTime = Time(Date(post), number * 2);
                    // The replies first: a reader must find a reply's parent wherever it stands.
                    foreach (var reply in thread.Replies)
                    {
                        Atom.Comment(xml, Blog, post.Index, CommentNumber(post.Index, ++number), Time(Date(post), (number * 2) + 1), Html(string.Join('\n', reply.Lines)), parent);
                        replies++;
                    }

                    Atom.Comment(xml, Blog, post.Index, parent, parentTime, Html(string.Join('\n', thread.Lines)), null);
                    comments += 1 + thread.Replies.Count;
                }
            }

            xml.WriteEndElement();
        }

        return new ExportManifest(path, new FileInfo(path).Length, plan.Posts.Count, comments, replies);
    }

    private static DateOnly Date(PlannedPost post) => post.Date ?? FirstUndated.AddDays(post.Index);

    private static long CommentNumber(int post, int comment) => (1_000_000L * (post + 1)) + comment;

    private static string Time(DateOnly date, int minutes) =>
        new DateTimeOffset(date.ToDateTime(new TimeOnly(8, 0)), TimeSpan.FromHours(-8)).AddMinutes(minutes).ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", CultureInfo.InvariantCulture);

    /// <summary>Blogger's HTML for plain text: paragraphs, and lines broken with &lt;br /&gt;.</summary>
    private static string Html(string text) =>
        string.Concat(text.Split("\n\n").Select(p => $"<p>{string.Join("<br />", p.Split('\n').Select(System.Net.WebUtility.HtmlEncode))}</p>"));

    private static class Atom
    {
        public const string Ns = "http://www.w3.org/2005/Atom";
        public const string Thread = "http://purl.org/syndication/thread/1.0";
        private const string Kind = "http://schemas.google.com/g/2005#kind";

        public static void Post(XmlWriter xml, string blog, int index, DateOnly date, string title, string html, string permalink, IEnumerable<string> labels)
        {
            xml.WriteStartElement("entry", Ns);
            xml.WriteElementString("id", Ns, $"tag:blogger.com,1999:blog-{blog}.post-{index + 1}");
            xml.WriteElementString("published", Ns, Time(date, 0));
            Category(xml, Kind, "http://schemas.google.com/blogger/2008/kind#post");
            foreach (var label in labels)
            {
                Category(xml, "http://www.blogger.com/atom/ns#", label);
            }

            Text(xml, "title", "text", title);
            Text(xml, "content", "html", html);
            Link(xml, "alternate", $"http://generated.blogspot.com/{(permalink.StartsWith("undated/", StringComparison.Ordinal) ? $"{date:yyyy/MM}/{permalink[8..]}" : permalink)}.html");
            Author(xml, "Blog Owner");
            xml.WriteEndElement();
        }

        public static void Comment(XmlWriter xml, string blog, int post, long number, string published, string html, long? parent)
        {
            xml.WriteStartElement("entry", Ns);
            xml.WriteElementString("id", Ns, $"tag:blogger.com,1999:blog-{blog}.post-{number}");
            xml.WriteElementString("published", Ns, published);
            Category(xml, Kind, "http://schemas.google.com/blogger/2008/kind#comment");
            Text(xml, "content", "html", html);
            if (parent is { } p)
            {
                Link(xml, "related", $"http://www.blogger.com/feeds/{blog}/{post + 1}/comments/default/{p}");
            }

            Author(xml, number % 3 == 0 ? "Anonymous" : $"Reader {number % 97}");
            xml.WriteStartElement("thr", "in-reply-to", Thread);
            xml.WriteAttributeString("ref", $"tag:blogger.com,1999:blog-{blog}.post-{post + 1}");
            xml.WriteEndElement();
            xml.WriteEndElement();
        }

        private static void Category(XmlWriter xml, string scheme, string term)
        {
            xml.WriteStartElement("category", Ns);
            xml.WriteAttributeString("scheme", scheme);
            xml.WriteAttributeString("term", term);
            xml.WriteEndElement();
        }

        private static void Text(XmlWriter xml, string name, string type, string text)
        {
            xml.WriteStartElement(name, Ns);
            xml.WriteAttributeString("type", type);
            xml.WriteString(text);
            xml.WriteEndElement();
        }

        private static void Link(XmlWriter xml, string rel, string href)
        {
            xml.WriteStartElement("link", Ns);
            xml.WriteAttributeString("rel", rel);
            xml.WriteAttributeString("href", href);
            xml.WriteEndElement();
        }

        private static void Author(XmlWriter xml, string name)
        {
            xml.WriteStartElement("author", Ns);
            xml.WriteElementString("name", Ns, name);
            xml.WriteElementString("email", Ns, "noreply@blogger.com");
            xml.WriteEndElement();
        }
    }
}
