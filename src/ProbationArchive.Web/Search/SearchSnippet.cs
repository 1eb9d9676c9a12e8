using Microsoft.AspNetCore.Html;
using ProbationArchive.Core.Search;

namespace ProbationArchive.Web.Search;

/// <summary>A hit's snippet as HTML: its text encoded, the highlight markers turned into &lt;mark&gt;.</summary>
public static class SearchSnippet
{
    public static IHtmlContent ToHtml(string snippet)
    {
        ArgumentNullException.ThrowIfNull(snippet);
        // The text goes through Append (encoded when written); only the tags are raw.
        var html = new HtmlContentBuilder();
        var start = 0;
        var open = false;
        for (var i = 0; i < snippet.Length; i++)
        {
            var c = snippet[i];
            if (c is not (ArchiveSearch.HighlightStart or ArchiveSearch.HighlightEnd))
            {
                continue;
            }

            html.Append(snippet[start..i]);
            start = i + 1;
            if (c == ArchiveSearch.HighlightStart && !open)
            {
                html.AppendHtml("<mark>");
                open = true;
            }
            else if (c == ArchiveSearch.HighlightEnd && open)
            {
                html.AppendHtml("</mark>");
                open = false;
            }
        }

        html.Append(snippet[start..]);
        if (open)
        {
            html.AppendHtml("</mark>");
        }

        return html;
    }
}
