using ProbationArchive.Core.Rendering;

namespace ProbationArchive.Core.Tests.Rendering;

/// <summary>An export's HTML keeps its ordinary markup, loses everything that runs or loads, and names its images.</summary>
public sealed class BloggerHtmlTests
{
    [Theory]
    [InlineData("<p>Hi<script>alert(1)</script></p>", "<p>Hi</p>")]
    [InlineData("<p onclick=\"alert(1)\" onmouseover='x()'>Hi</p>", "<p>Hi</p>")]
    [InlineData("<a href=\"javascript:alert(1)\">Hi</a>", "<a>Hi</a>")]
    [InlineData("<iframe src=\"https://evil.example/\"></iframe>Hi", "Hi")]
    [InlineData("<iframe srcdoc=\"&lt;script&gt;alert(1)&lt;/script&gt;\"></iframe>Hi", "Hi")]
    [InlineData("<form action=\"https://evil.example/\"><input name=\"q\"><button>Go</button></form>Hi", "Hi")]
    [InlineData("<svg><script>alert(1)</script><circle r=\"4\"/></svg>Hi", "Hi")]
    [InlineData("<object data=\"https://evil.example/x.swf\"></object><embed src=\"https://evil.example/x.swf\">Hi", "Hi")]
    [InlineData("<p style=\"background: url(https://evil.example/track.png)\">Hi</p>", "<p>Hi</p>")]
    [InlineData("<video src=\"https://evil.example/v.mp4\" poster=\"https://evil.example/p.png\"></video>Hi", "Hi")]
    [InlineData("<base href=\"https://evil.example/\"><meta http-equiv=\"refresh\" content=\"0;url=https://evil.example/\">Hi", "Hi")]
    public void Sanitize_RemovesWhatRunsOrLoads(string html, string expected) =>
        Assert.Equal(expected, BloggerHtml.Sanitize(html).Html);

    [Fact]
    public void Sanitize_KeepsParagraphsBreaksListsTablesLinksAndBloggersSeparator()
    {
        const string Html = "<div class=\"separator\" style=\"clear: both; text-align: center\">x</div><p>One<br>two</p><ul><li>a</li></ul><table><tbody><tr><td>c</td></tr></tbody></table>";

        var result = BloggerHtml.Sanitize(Html + "<a href=\"https://example.org/\">link</a>");

        Assert.True(result.Html.StartsWith(Html, StringComparison.Ordinal), result.Html);
        Assert.EndsWith("<a href=\"https://example.org/\" rel=\"nofollow ugc noopener\">link</a>", result.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void Sanitize_AnImage_BecomesALinkToItsOriginalAndIsListed()
    {
        var result = BloggerHtml.Sanitize("<p><img src=\"https://1.bp.blogspot.com/a.png\" alt=\"A chart\"></p><a href=\"https://1.bp.blogspot.com/big.png\"><img src=\"https://1.bp.blogspot.com/small.png\"></a>");

        Assert.Equal("<p><a href=\"https://1.bp.blogspot.com/a.png\" class=\"offline-image\" rel=\"nofollow ugc noopener\">[image: A chart]</a></p><a href=\"https://1.bp.blogspot.com/big.png\" rel=\"nofollow ugc noopener\">[image]</a>", result.Html);
        Assert.Equal(["https://1.bp.blogspot.com/a.png", "https://1.bp.blogspot.com/small.png"], result.Images);
        Assert.DoesNotContain("<img", result.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void Sanitize_GivesTheTextALinePerBlock()
    {
        var result = BloggerHtml.Sanitize("Intro &amp; more<br><br><ul><li>First</li><li>Second</li></ul><div>Last   words</div>");

        Assert.Equal("Intro & more\nFirst\nSecond\nLast words", result.Text);
    }
}
