using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using ProbationArchive.Core.Rendering;
using ProbationArchive.Web.Tests.Support;

namespace ProbationArchive.Web.Tests.Rendering;

public sealed class ArchiveMarkdownTests
{
    private static readonly HtmlParser Parser = new();

    private static IElement Body(string html) => Parser.ParseDocument($"<div id=r>{html}</div>").GetElementById("r")!;

    [Fact]
    public void RenderBody_KeepsParagraphsListsAndLineBreaks()
    {
        var html = Body(ArchiveMarkdown.RenderBody("First line\nsecond line\n\n1. one\n2. two\n\n- a\n- b"));

        Assert.Equal("First line second line", html.One(":scope > p").Text());
        Assert.Single(html.QuerySelectorAll("p br"));
        Assert.Equal(["one", "two"], html.QuerySelectorAll("ol > li").Select(li => li.TextContent));
        Assert.Equal(["a", "b"], html.QuerySelectorAll("ul > li").Select(li => li.TextContent));
    }

    [Theory]
    [InlineData("see https://example.com/a?b=c for more", "https://example.com/a?b=c")]
    [InlineData("see www.example.com for more", "http://www.example.com")]
    [InlineData("write to mailto:someone@example.com", "mailto:someone@example.com")]
    [InlineData("<https://example.com/angle>", "https://example.com/angle")]
    public void BareAddresses_BecomeLinks(string text, string href)
    {
        var link = Body(ArchiveMarkdown.RenderBody(text)).QuerySelector("a");

        Assert.Equal(href, link?.GetAttribute("href"));
        Assert.Null(link?.GetAttribute("rel"));
    }

    [Theory]
    [InlineData("[x](javascript:alert(1))")]
    [InlineData("<javascript:alert(1)>")]
    [InlineData("[x](data:text/html;base64,PHNjcmlwdD4=)")]
    [InlineData("[x](vbscript:msgbox)")]
    [InlineData("[x](/relative/path)")]
    [InlineData("[x][ref]\n\n[ref]: javascript:alert(1)")]
    [InlineData("ftp://example.com/file")]
    [InlineData("[click me](javascript:alert(1)) and <javascript:alert(2)> and [data](data:text/html;base64,PHNjcmlwdD4=)")]
    public void OtherLinkTargets_AreDropped(string text)
    {
        var html = Body(ArchiveMarkdown.RenderComment(text));

        Assert.Empty(html.QuerySelectorAll("a"));
    }

    [Fact]
    public void DroppedLinks_KeepTheirWords()
    {
        var html = Body(ArchiveMarkdown.RenderComment("before [the *words*](javascript:alert(1)) after"));

        Assert.Equal("before the words after", html.TextContent.Trim());
        Assert.Single(html.QuerySelectorAll("em"));
    }

    [Fact]
    public void RawHtml_IsShownAsText()
    {
        var html = Body(ArchiveMarkdown.RenderComment("<script>alert(1)</script>\n\n<div onclick=\"x()\">hi</div> <b>bold</b>"));

        Assert.Empty(html.QuerySelectorAll("script, div, b, [onclick]"));
        Assert.Contains("<script>alert(1)</script>", html.TextContent, StringComparison.Ordinal);
        Assert.Contains("<b>bold</b>", html.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Images_BecomeLinksToTheImage()
    {
        var html = Body(ArchiveMarkdown.RenderComment("![a pixel](https://example.com/p.png)"));

        Assert.Empty(html.QuerySelectorAll("img"));
        Assert.Equal("https://example.com/p.png", html.QuerySelector("a")?.GetAttribute("href"));
    }

    [Fact]
    public void CommentLinks_AreMarkedAsUserContent()
    {
        var html = Body(ArchiveMarkdown.RenderComment("https://example.com and [named](https://example.org) and <https://example.net>"));

        var links = html.QuerySelectorAll("a");
        Assert.Equal(3, links.Length);
        Assert.All(links, a => Assert.Equal("nofollow ugc noopener", a.GetAttribute("rel")));
    }
}
