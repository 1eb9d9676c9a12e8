using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ProbationArchive.Web.Tests.Browser;

/// <summary>Search and the activity charts in a real browser: usable from the header box, accessible, no script needed.</summary>
public sealed partial class FindingInBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Reader_SearchesFromTheHeaderBox_AndTheHitLandsOnTheReply()
    {
        var (page, problems) = await OpenAsync(1100, 800);
        await page.GotoAsync("/labels");

        await page.Locator("header input[name=q]").FillAsync("\"only do for napo\"");
        await page.Locator("header input[name=q]").PressAsync("Enter");
        await Expect(page).ToHaveURLAsync(SearchAddress());
        await Expect(page.Locator("#search-count")).ToContainTextAsync("1 post matches");
        await Expect(page.Locator(".search-hit .hit-comments .snippet mark")).ToHaveTextAsync("only do for napo");

        // The matching reply is listed under its post, by its name on the post's page.
        await page.Locator(".search-hit .hit-comments a", new() { HasText = "Reply 1.3" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(CommentAddress());
        var target = page.Locator(":target");
        // The target is a reply: an article in a thread's list of replies.
        await Expect(page.Locator(".replies article:target")).ToHaveCountAsync(1);
        await Expect(target.Locator(":scope > div")).ToHaveTextAsync("Napo only do for napo");
        await Expect(target).ToBeInViewportAsync();

        Assert.Empty(problems);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Search_ShowsEachPostOnce_WithItsMatchingCommentsBeneathIt()
    {
        var (page, problems) = await OpenAsync(1100, 800);
        await page.GotoAsync("/search?q=napo");

        var posts = await page.Locator(".search-hit").EvaluateAllAsync<string[]>("hits => hits.map(h => h.dataset.postId)");
        Assert.Equal(posts.Length, posts.Distinct().Count());
        await Expect(page.Locator(".search-hit .more-comments").First).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, "search");

        Assert.Empty(problems);
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData("/search?q=napo")]
    [InlineData("/search?q=napo&label=PO")]
    [InlineData("/search?q=-napo")]
    [InlineData("/archive")]
    [InlineData("/2018")]
    public async Task Axe_FindsNoViolation(string url)
    {
        var (page, problems) = await OpenAsync(1100, 800);
        await page.GotoAsync(url);
        // The figures table is folded away; axe checks it open.
        foreach (var details in await page.Locator("details.activity-figures").AllAsync())
        {
            await details.EvaluateAsync("d => d.open = true");
        }

        await BrowserFixture.AssertNoAxeViolationAsync(page, url);
        Assert.Empty(problems);
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData("/search?q=probation", "search-phone")]
    [InlineData("/archive", "archive-phone")]
    public async Task Phone_ShowsPagesWithoutSidewaysScrolling(string url, string screenshot)
    {
        var (page, problems) = await OpenAsync(390, 844);
        await page.GotoAsync(url);

        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"));
        await BrowserFixture.ScreenshotAsync(page, screenshot);
        Assert.Empty(problems);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Chart_IsDrawnWithItsBars()
    {
        var (page, problems) = await OpenAsync(1100, 900);
        await page.GotoAsync("/archive");

        var chart = page.Locator("svg.activity-chart");
        await Expect(chart).ToBeVisibleAsync();
        var box = await chart.BoundingBoxAsync();
        Assert.True(box is { Width: > 300, Height: > 100 }, $"chart box {box?.Width}x{box?.Height}");
        // A month with posts draws a bar of real height in the posts panel.
        var bar = page.Locator("svg .chart-posts rect.chart-bar:not([data-value='0'])").First;
        Assert.True((await bar.BoundingBoxAsync())!.Height > 10);
        await BrowserFixture.ScreenshotAsync(page, "archive");

        Assert.Empty(problems);
        await page.Context.CloseAsync();
    }

    /// <summary>A fresh page; a refused search answers 400 on purpose, and the browser logs any 4xx load as an error.</summary>
    private Task<(IPage Page, List<string> Problems)> OpenAsync(int width, int height) =>
        fixture.OpenPageAsync(width, height, text => text.Contains("status of 400", StringComparison.Ordinal));

    [GeneratedRegex(@"/search\?q=%22only\+do\+for\+napo%22$")]
    private static partial Regex SearchAddress();

    [GeneratedRegex(@"/2018/11/latest-from-napo-179#c[0-9]+$")]
    private static partial Regex CommentAddress();
}
