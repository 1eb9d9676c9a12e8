using System.Text.RegularExpressions;
using ProbationArchive.Web.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace ProbationArchive.Web.Tests.Browser;

/// <summary>Issue 15 in a real browser: a paged discussion read on a phone through its outline, its permalinks and its folded view.</summary>
public sealed partial class LongDiscussionInBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private const string Post = LongDiscussionFactory.PostPath;

    [Fact]
    public async Task PhoneReader_ScansTheOutline_JumpsToAThreadOnAnotherPage_AndFollowsAPermalinkBack()
    {
        var (page, problems) = await fixture.OpenPageAsync(390, 844);
        await page.GotoAsync(Post);
        await BrowserFixture.ScreenshotAsync(page, "long-discussion-phone");

        var outline = page.Locator("nav.thread-outline");
        await outline.ScrollIntoViewIfNeededAsync();
        await BrowserFixture.ScreenshotAsync(page, "long-discussion-outline-phone");
        // The outline is a box of its own that scrolls; its entries stay one line each.
        var box = await outline.Locator("ol").BoundingBoxAsync();
        Assert.InRange(box!.Height, 100, 844);
        var entry = outline.Locator("li").Nth(100);
        await entry.ScrollIntoViewIfNeededAsync();
        var entryBox = await entry.BoundingBoxAsync();
        Assert.InRange(entryBox!.Height, 24, 40);

        await entry.Locator("a").ClickAsync();
        await Expect(page).ToHaveURLAsync(OtherPageAnchor());
        var target = page.Locator(":target");
        await Expect(target.Locator(":scope > header [rel=bookmark]")).ToHaveTextAsync("Comment 101");
        await Expect(target).ToBeInViewportAsync();

        // The permalink of a reply, followed, comes back to the same comment on its page.
        var reply = page.Locator("#comments .replies article").First;
        var replyId = await reply.GetAttributeAsync("id");
        await reply.Locator("[rel=bookmark]").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"#{replyId}$"));
        await Expect(page.Locator(":target")).ToHaveAttributeAsync("id", replyId!);
        await Expect(page.Locator(":target")).ToBeInViewportAsync();

        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"));
        Assert.Empty(problems);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task PhoneReader_FoldsEveryThread_WithALink_AndSeesOnlyTopLevelComments()
    {
        var (page, problems) = await fixture.OpenPageAsync(390, 844);
        await page.GotoAsync(Post + "?page=3");

        await page.Locator(".comment-views a", new() { HasText = "Hide all replies" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(ThirdPageFolded());
        await Expect(page.Locator("#comments .replies article").First).ToBeHiddenAsync();
        await Expect(page.Locator("#comments .threads > li > article").First).ToBeVisibleAsync();
        await page.Locator("#comments .threads").ScrollIntoViewIfNeededAsync();
        await BrowserFixture.ScreenshotAsync(page, "long-discussion-folded-phone");

        // One thread opened by hand, as on any page.
        var fold = page.Locator("#comments .threads > li > details").First;
        await fold.Locator("summary").ClickAsync();
        await Expect(fold.Locator("article").First).ToBeVisibleAsync();
        await page.Locator(".comment-views a", new() { HasText = "Show all replies" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(ThirdPage());
        Assert.Empty(problems);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task AFragmentOnlyLinkFromBeforePaging_LandsOnTheComment_OnWhicheverPageHoldsIt()
    {
        var (page, problems) = await fixture.OpenPageAsync(390, 844);
        await page.GotoAsync(Post + "?page=3");
        var later = await page.Locator("#comments .threads > li > article").Nth(1).GetAttributeAsync("id");
        await page.GotoAsync(Post);
        var first = await page.Locator("#comments .threads > li > article").Nth(1).GetAttributeAsync("id");

        await page.GotoAsync("about:blank");
        await page.GotoAsync(Post + "#" + later);
        await Expect(page).ToHaveURLAsync(new Regex($@"\?page=3#{later}$"));
        await Expect(page.Locator(":target")).ToHaveAttributeAsync("id", later!);
        await Expect(page.Locator(":target")).ToBeInViewportAsync();

        // A comment the first page holds is read where it is, with no second request.
        await page.GotoAsync("about:blank");
        var requests = new List<string>();
        page.Request += (_, request) => requests.Add(request.Url);
        await page.GotoAsync(Post + "#" + first);
        await Expect(page.Locator(":target")).ToHaveAttributeAsync("id", first!);
        Assert.EndsWith(Post + "#" + first, page.Url, StringComparison.Ordinal);
        Assert.DoesNotContain(requests, url => url.Contains("comment=", StringComparison.Ordinal));
        Assert.Empty(problems);
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData(Post)]
    [InlineData(Post + "?page=2")]
    [InlineData(Post + "?replies=hidden")]
    [InlineData(Post + "?page=all")]
    public async Task Axe_FindsNoViolation_OnThePagesOutlineAndViews(string url)
    {
        var (page, _) = await fixture.OpenPageAsync(390, 844);
        var response = await page.GotoAsync(url);
        Assert.Equal(200, response?.Status);

        await BrowserFixture.AssertNoAxeViolationAsync(page, url);
        await page.Context.CloseAsync();
    }

    [GeneratedRegex(@"\?page=[0-9]+#c[0-9]+$")]
    private static partial Regex OtherPageAnchor();

    [GeneratedRegex(@"\?page=3&replies=hidden$")]
    private static partial Regex ThirdPageFolded();

    [GeneratedRegex(@"\?page=3$")]
    private static partial Regex ThirdPage();
}
