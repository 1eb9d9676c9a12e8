using System.Globalization;
using System.Security;
using System.Text;

namespace ProbationArchive.Web.Tests.Hostile;

/// <summary>
/// A Takeout export whose one post has every vector in its HTML body and a comment (or reply) per
/// vector: the export's HTML is shown as markup once sanitised, so it must come out inert.
/// </summary>
internal static class HostileExport
{
    public const string Title = "Every vector as exported HTML";
    public static readonly DateOnly Date = new(2011, 6, 1);

    public static void Write(string folder, IReadOnlyList<string> vectors)
    {
        var xml = new StringBuilder("<?xml version='1.0' encoding='UTF-8'?>\n<feed xmlns='http://www.w3.org/2005/Atom' xmlns:blogger='http://schemas.google.com/blogger/2018'>\n");
        xml.Append(CultureInfo.InvariantCulture, $"""
            <entry><id>tag:blogger.com,1999:blog-77.post-1</id><blogger:type>POST</blogger:type><blogger:status>LIVE</blogger:status>
            <title>{Title}</title><published>{Date:yyyy-MM-dd}T12:00:00.000Z</published><blogger:filename>/2011/06/every-vector-as-exported-html.html</blogger:filename>
            <content type='html'>{SecurityElement.Escape(string.Join("<br>", vectors))}</content></entry>

            """);
        for (var i = 0; i < vectors.Count; i++)
        {
            // Every other comment answers the one before it.
            var parent = i % 2 == 1 ? $"<blogger:inReplyTo>{i + 99}</blogger:inReplyTo>" : "";
            xml.Append(CultureInfo.InvariantCulture, $"""
                <entry><id>tag:blogger.com,1999:blog-77.post-{i + 100}</id><blogger:type>COMMENT</blogger:type><blogger:status>LIVE</blogger:status>
                <blogger:parent>tag:blogger.com,1999:blog-77.post-1</blogger:parent>{parent}<published>{Date:yyyy-MM-dd}T13:{i % 60:D2}:{i / 60:D2}.000Z</published>
                <author><name>{SecurityElement.Escape(vectors[i])}</name><uri>{SecurityElement.Escape(vectors[i])}</uri></author>
                <content type='html'>{SecurityElement.Escape(vectors[i])}</content></entry>

                """);
        }

        File.WriteAllText(Path.Combine(folder, "hostile-export.atom"), xml.Append("</feed>\n").ToString());
    }
}
