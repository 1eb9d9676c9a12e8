using System.Net;
using Deque.AxeCore.Playwright;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using ProbationArchive.Web.Tests.Support;

namespace ProbationArchive.Web.Tests.Browser;

/// <summary>
/// The real server on a free loopback port, and Debian's Chromium driven by Playwright.
/// The server is the app's own Program with Kestrel, started by WebApplicationFactory.UseKestrel:
/// the same pipeline, middleware and sockets a reader meets, inside the test process, so it cannot
/// outlive the run and needs no path to another project's build output.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    // The seeds and a discussion long enough to be paged (LongDiscussionInBrowserTests).
    private readonly LongDiscussionFactory _server = new();
    private IPlaywright? _playwright;

    public Uri BaseAddress { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>Where screenshots go: beside the test output, under TestResults.</summary>
    public static string ScreenshotFolder { get; } = Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots");

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException(
                $"The browser tests drive Debian's Chromium at {ChromiumPath}. Install it with `apt-get install -y chromium` (.ci/run does).");
        }

        _server.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        _server.StartServer();
        // Adds the long discussion to the seeded archive.
        await _server.InitializeAsync();
        var address = _server.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        BaseAddress = new Uri(address);

        // Playwright must never fetch a browser of its own: the system's Chromium is the one under test.
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run",
            ],
        });
        Directory.CreateDirectory(ScreenshotFolder);
    }

    /// <summary>
    /// A fresh page, collecting script errors and CSP refusals (the browser reports both as console
    /// errors), except console errors a test expects (<paramref name="isExpected"/>).
    /// </summary>
    public async Task<(IPage Page, List<string> Problems)> OpenPageAsync(int width, int height, Func<string, bool>? isExpected = null)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = height },
        });
        var page = await context.NewPageAsync();
        var problems = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error" && isExpected?.Invoke(message.Text) != true)
            {
                problems.Add($"{message.Text} at {message.Location}");
            }
        };
        page.PageError += (_, error) => problems.Add(error);
        return (page, problems);
    }

    /// <summary>axe-core over the page as it stands; a violation fails the test with its rule and first elements.</summary>
    public static async Task AssertNoAxeViolationAsync(IPage page, string url)
    {
        var result = await page.RunAxe();

        var violations = result.Violations
            .Select(v => $"{v.Impact} {v.Id}: {v.Help} ({string.Join(", ", v.Nodes.Take(3).Select(n => string.Join(' ', n.Target)))})")
            .ToList();
        Assert.True(violations.Count == 0, $"axe on {url}:\n{string.Join('\n', violations)}");
    }

    public static async Task ScreenshotAsync(IPage page, string name)
    {
        var path = Path.Combine(ScreenshotFolder, name + ".png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path });
        TestContext.Current.SendDiagnosticMessage($"Screenshot: {path}");
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        _playwright?.Dispose();
        await _server.DisposeAsync();
    }
}
