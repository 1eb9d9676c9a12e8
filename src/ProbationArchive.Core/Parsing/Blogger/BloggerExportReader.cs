using System.Xml;
using System.Xml.Linq;

namespace ProbationArchive.Core.Parsing.Blogger;

/// <summary>
/// Reads Blogger's export as a stream, one &lt;entry&gt; in memory at a time: the classic "Export
/// blog" file (entries told apart by a kind category) and Takeout's feed.atom (blogger:type). DTDs
/// are refused, so no entity is expanded and nothing outside the file is read. A malformed or
/// truncated file throws <see cref="BloggerExportException"/> with its line; a malformed entry in a
/// well-formed file is a warning and is left out. Nothing here knows of files or the store.
/// </summary>
public static class BloggerExportReader
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    private static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        IgnoreWhitespace = false,
        CloseInput = false,
    };

    /// <summary>
    /// Whether a file is XML rather than a saved page, from its first characters: an XML declaration
    /// or an Atom root. A saved page may itself begin with markup (a flattened page's first comment
    /// can be "&lt;img …&gt;"), so '&lt;' alone does not tell.
    /// </summary>
    public static bool LooksLikeXml(ReadOnlySpan<char> start)
    {
        var text = start.TrimStart().TrimStart('\uFEFF').TrimStart();
        return text.StartsWith("<?xml", StringComparison.Ordinal) || text.StartsWith("<feed", StringComparison.Ordinal);
    }

    public static IEnumerable<BloggerEntry> Read(Stream stream, List<Diagnostic> diagnostics, BloggerExportCounts counts)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(diagnostics);
        ArgumentNullException.ThrowIfNull(counts);
        return ReadCore(stream, diagnostics, counts);
    }

    private static IEnumerable<BloggerEntry> ReadCore(Stream stream, List<Diagnostic> diagnostics, BloggerExportCounts counts)
    {
        using var xml = XmlReader.Create(stream, Settings);
        var lines = (IXmlLineInfo)xml;
        CheckRoot(xml, lines);
        while (true)
        {
            XElement entry;
            int line;
            try
            {
                if (!NextEntry(xml))
                {
                    yield break;
                }

                line = lines.LineNumber;
                entry = XElement.Load(xml.ReadSubtree(), LoadOptions.None);
            }
            catch (XmlException e)
            {
                throw new BloggerExportException(Error(e.LineNumber, "malformed-export", $"the export is not well-formed XML ({e.Message}); nothing of it was imported"), e);
            }

            if (BloggerEntryParser.Parse(entry, line, diagnostics, counts) is { } parsed)
            {
                yield return parsed;
            }
        }
    }

    private static void CheckRoot(XmlReader xml, IXmlLineInfo lines)
    {
        try
        {
            xml.MoveToContent();
        }
        catch (XmlException e)
        {
            var message = e.Message.Contains("DTD", StringComparison.OrdinalIgnoreCase)
                ? "the export declares a DTD; DTDs are refused (no entity is expanded)"
                : $"the file is not well-formed XML ({e.Message})";
            throw new BloggerExportException(Error(e.LineNumber, e.Message.Contains("DTD", StringComparison.OrdinalIgnoreCase) ? "dtd-refused" : "malformed-export", message), e);
        }

        if (xml.NodeType != XmlNodeType.Element || xml.LocalName != "feed" || xml.NamespaceURI != Atom.NamespaceName)
        {
            throw new BloggerExportException(Error(lines.LineNumber, "not-a-blogger-export",
                $"the XML's root is <{xml.Name}>, not an Atom <feed>: the file is neither a saved page nor a Blogger export"));
        }
    }

    /// <summary>Moves to the next &lt;entry&gt; child of the feed; false at the feed's end.</summary>
    private static bool NextEntry(XmlReader xml)
    {
        while (xml.Read())
        {
            if (xml is { NodeType: XmlNodeType.Element, Depth: 1, LocalName: "entry" } && xml.NamespaceURI == Atom.NamespaceName)
            {
                return true;
            }
        }

        return false;
    }

    private static Diagnostic Error(int line, string code, string message) => new(Math.Max(1, line), DiagnosticSeverity.Error, code, message);
}
