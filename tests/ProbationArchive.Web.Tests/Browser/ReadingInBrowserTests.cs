using System.Text.RegularExpressions;
using Microsoft.Playwright;
using ProbationArchive.Web.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace ProbationArchive.Web.Tests.Browser;

/// <summary>A reader in a real browser, against the real server. Screenshots land in bin/.../TestResults/screenshots.</summary>
public sealed partial class ReadingInBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    // The colour site.css gives the comment a link points at (--target).
    private const string TargetBackground = "rgb(255, 244, 194)";

    [Fact]
    public async Task Reader_GoesFromHomeToALabelToAPost_FollowsAReplyToItsParent_AndCollapsesAThread()
    {
        var (page, problems) = await OpenAsync(1100, 800);

        await page.GotoAsync("/");
        await Expect(page.Locator("main h1")).ToHaveTextAsync("Newest posts");
        await BrowserFixture.ScreenshotAsync(page, "home");

        await page.Locator(".post-summary .post-labels a", new() { HasText = "PO" }).First.ClickAsync();
        await Expect(page).ToHaveURLAsync(LabelPoAddress());
        await Expect(page.Locator("main h1")).ToHaveTextAsync("Showing posts with label PO");
        await BrowserFixture.ScreenshotAsync(page, "label");

        await page.GetByRole(AriaRole.Link, new() { Name = "Probation as a Job", Exact = true }).ClickAsync();
        await Expect(page.Locator("#post-title")).ToHaveTextAsync("Probation as a Job");
        await page.Locator(".post-nav a.older").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex(Regex.Escape(Seeds.Napo179) + "$"));
        await BrowserFixture.ScreenshotAsync(page, "post");
        await page.Locator("#comments-heading").ScrollIntoViewIfNeededAsync();
        await BrowserFixture.ScreenshotAsync(page, "post-comments");

        // Reply 1.2 points back at comment 1: following it makes comment 1 the highlighted target.
        var firstThread = page.Locator("#comments .threads > li").First;
        var parentId = await firstThread.Locator(":scope > article").GetAttributeAsync("id");
        await page.Locator("#comments .replies article").Nth(1).Locator("a.in-reply-to").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"#{parentId}$"));
        var target = page.Locator(":target");
        await Expect(target).ToHaveAttributeAsync("id", parentId!);
        await Expect(target).ToBeInViewportAsync();
        await Expect(target).ToHaveCSSAsync("background-color", TargetBackground);
        await BrowserFixture.ScreenshotAsync(page, "reply-parent-highlighted");
        // A permalink is the comment's lasting address, which finds the page of comments that holds it.
        var permalink = await firstThread.Locator(":scope > article > header > h3 > a[rel=bookmark]").EvaluateAsync<string>("a => a.href");
        Assert.EndsWith($"{Seeds.Napo179}?comment={parentId![1..]}", permalink, StringComparison.Ordinal);

        // "Next thread" skips to the next top-level comment.
        await firstThread.Locator("a.next-thread").ClickAsync();
        var secondId = await page.Locator("#comments .threads > li").Nth(1).Locator(":scope > article").GetAttributeAsync("id");
        await Expect(page.Locator(":target")).ToHaveAttributeAsync("id", secondId!);

        // Collapse the first thread's replies with the mouse, bring them back with the keyboard.
        var replies = firstThread.Locator(":scope > details");
        var summary = replies.Locator("summary");
        var firstReply = replies.Locator("article").First;
        await Expect(firstReply).ToBeVisibleAsync();
        await summary.ClickAsync();
        await Expect(firstReply).ToBeHiddenAsync();
        Assert.False(await replies.EvaluateAsync<bool>("d => d.open"));
        Assert.StartsWith("Show 3 replies", await VisibleTextAsync(summary), StringComparison.Ordinal);
        await BrowserFixture.ScreenshotAsync(page, "thread-collapsed");
        await summary.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(firstReply).ToBeVisibleAsync();
        Assert.StartsWith("Hide 3 replies", await VisibleTextAsync(summary), StringComparison.Ordinal);

        Assert.Empty(problems);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Reader_AtTheEndOfALongThread_GoesToTheNextThread_AndBack()
    {
        var (page, problems) = await OpenAsync(1100, 800);
        await page.GotoAsync(Seeds.Undated);

        var end = page.Locator("#comments p.thread-end").First;
        var threadId = await end.EvaluateAsync<string>("e => e.closest('.threads > li').querySelector(':scope > article').id");
        // By the end of a long thread its top, and the links there, are out of sight. The end is
        // brought to the middle of the screen until the page settles: threads drawn for the first
        // time as they come near (content-visibility) can move it while the first scroll lands.
        await page.WaitForFunctionAsync(
            """id => { const top = document.getElementById(id); top.closest('li').querySelector('p.thread-end').scrollIntoView({ block: 'center' }); return top.querySelector(':scope > header').getBoundingClientRect().bottom < 0; }""",
            threadId);
        await Expect(end).ToBeInViewportAsync();
        await Expect(page.Locator($"#{threadId} > header")).Not.ToBeInViewportAsync();
        var nextId = (await end.Locator("a.next-thread").GetAttributeAsync("href"))!.TrimStart('#');
        await end.Locator("a.next-thread").ClickAsync();
        await Expect(page.Locator(":target")).ToHaveAttributeAsync("id", nextId);
        await Expect(page.Locator(":target")).ToBeInViewportAsync();

        await page.Locator(":target > header a.previous-thread").ClickAsync();
        await Expect(page.Locator(":target")).ToHaveAttributeAsync("id", threadId);

        Assert.Empty(problems);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task HardWrappedPost_ReadsAsParagraphs_AndEndsWithItsSource()
    {
        var (page, problems) = await OpenAsync(1100, 800);
        await page.GotoAsync(Seeds.NapoOnTheCase);

        // A reflowed paragraph fills the column: its first line is as wide as the text beside it.
        var paragraph = page.Locator(".post-body p", new() { HasText = "Unions representing probation staff" });
        var lines = await paragraph.EvaluateAsync<int>("p => Math.round(p.getBoundingClientRect().height / parseFloat(getComputedStyle(p).lineHeight))");
        Assert.InRange(lines, 3, 5);
        await BrowserFixture.ScreenshotAsync(page, "post-reflowed");
        await page.Locator("#source-heading").ScrollIntoViewIfNeededAsync();
        await Expect(page.Locator(".post-source code.source-file")).ToHaveTextAsync("002_63f4a4d53922dc7d.txt");
        await BrowserFixture.ScreenshotAsync(page, "post-source");

        Assert.Empty(problems);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Keyboard_ReachesTheSkipLinkFirstAndItMovesFocusToTheText()
    {
        var (page, problems) = await OpenAsync(1100, 800);
        await page.GotoAsync(Seeds.Napo179);

        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("skip-link", await page.EvaluateAsync<string>("() => document.activeElement.className"));
        await page.Keyboard.PressAsync("Enter");
        Assert.Equal("main", await page.EvaluateAsync<string>("() => document.activeElement.id"));

        Assert.Empty(problems);
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData("/", "home-phone")]
    [InlineData(Seeds.Napo179, "post-phone")]
    [InlineData(Seeds.NapoOnTheCase, "post-reflowed-phone")]
    public async Task Phone_ShowsPagesWithoutSidewaysScrolling(string url, string screenshot)
    {
        var (page, problems) = await OpenAsync(390, 844);
        await page.GotoAsync(url);

        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"));
        await BrowserFixture.ScreenshotAsync(page, screenshot);
        Assert.Empty(problems);
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData("/")]
    [InlineData(Seeds.Napo179)]
    [InlineData(Seeds.Undated)]
    [InlineData(Seeds.NapoOnTheCase)]
    [InlineData(Seeds.ReportHighlights)]
    [InlineData("/label/PO")]
    [InlineData("/labels")]
    [InlineData("/label/PO+Napo")]
    public async Task Axe_FindsNoViolation(string url)
    {
        var (page, _) = await OpenAsync(1100, 800);
        await page.GotoAsync(url);

        await BrowserFixture.AssertNoAxeViolationAsync(page, url);
        await page.Context.CloseAsync();
    }

    private Task<(IPage Page, List<string> Problems)> OpenAsync(int width, int height) => fixture.OpenPageAsync(width, height);

    /// <summary>The rendered text (innerText skips what CSS hides), whitespace collapsed.</summary>
    private static async Task<string> VisibleTextAsync(ILocator locator) =>
        WhiteSpace().Replace(await locator.InnerTextAsync(), " ").Trim();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();

    [GeneratedRegex("/label/PO$")]
    private static partial Regex LabelPoAddress();
}
