using ProbationArchive.Core.Rendering;
using ProbationArchive.Web.Tests.Support;

namespace ProbationArchive.Web.Tests.Pages;

/// <summary>Stored text is untrusted: it must reach the reader as text, and its links only if harmless.</summary>
public sealed class HostileTextTests(ConstructedArchiveFactory factory) : IClassFixture<ConstructedArchiveFactory>
{
    [Fact]
    public async Task HostileTitleBodyAndComments_AreShownAsText()
    {
        var page = await factory.CreateReader().GetDocumentAsync(ConstructedArchiveFactory.Hostile);

        Assert.Equal(ConstructedArchiveFactory.HostileTitle, page.One("#post-title").Text());
        Assert.Empty(page.QuerySelectorAll("script, iframe, img, [onerror]"));
        Assert.Contains("<script>alert('body')</script>", page.One(".post-body").TextContent, StringComparison.Ordinal);
        Assert.Contains("<img src=x onerror=alert(1)>", page.QuerySelectorAll("#comments article > div")[0].TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CommentLinks_KeepOnlyWebAndMailTargets()
    {
        var page = await factory.CreateReader().GetDocumentAsync(ConstructedArchiveFactory.Hostile);

        var links = page.QuerySelectorAll("#comments article > div a");
        Assert.Equal(
            ["http://example.com/pixel.png", "https://example.com/ok", "mailto:someone@example.com"],
            links.Select(a => a.GetAttribute("href")));
        Assert.All(links, a => Assert.Equal(ArchiveMarkdown.CommentLinkRel, a.GetAttribute("rel")));
        // The words of a dropped link stay.
        Assert.Contains("click me", page.QuerySelectorAll("#comments article > div")[1].Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task LabelPlusLabel_ListsOnlyPostsCarryingBoth()
    {
        var client = factory.CreateReader();

        var both = await client.GetDocumentAsync("/label/PO+" + ConstructedArchiveFactory.SecondLabel);
        Assert.Equal("Showing posts with labels PO and Napo", both.One("main h1").Text());
        Assert.Equal([ConstructedArchiveFactory.Hostile], both.QuerySelectorAll(".post-summary h2 a").Select(a => a.GetAttribute("href")));

        var napo = await client.GetDocumentAsync("/label/" + ConstructedArchiveFactory.SecondLabel);
        Assert.Equal(
            [ConstructedArchiveFactory.Hostile, ConstructedArchiveFactory.OneThread],
            napo.QuerySelectorAll(".post-summary h2 a").Select(a => a.GetAttribute("href")));
    }
}
