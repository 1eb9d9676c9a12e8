using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using ProbationArchive.Core.Search;
using ProbationArchive.Web.Search;

namespace ProbationArchive.Web.Tests.Search;

public sealed class SearchSnippetTests
{
    // "{" and "}" stand for the highlight markers, which are private-use characters.
    [Theory]
    [InlineData("Napo {only do for napo}", "Napo <mark>only do for napo</mark>")]
    [InlineData("<b>&amp; {<script>}", "&lt;b&gt;&amp;amp; <mark>&lt;script&gt;</mark>")]
    [InlineData("{a} and {b}", "<mark>a</mark> and <mark>b</mark>")]
    [InlineData("unclosed {mark", "unclosed <mark>mark</mark>")]
    [InlineData("stray }end and {{twice}", "stray end and <mark>twice</mark>")]
    [InlineData("no highlight", "no highlight")]
    public void ToHtml_EncodesTheTextAndMarksTheHighlights(string snippet, string expected) =>
        Assert.Equal(expected, Render(SearchSnippet.ToHtml(snippet.Replace('{', ArchiveSearch.HighlightStart).Replace('}', ArchiveSearch.HighlightEnd))));

    private static string Render(IHtmlContent content)
    {
        using var writer = new StringWriter();
        content.WriteTo(writer, HtmlEncoder.Default);
        return writer.ToString();
    }
}
