using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using ProbationArchive.Web.Tests.Browser;
using ProbationArchive.Web.Tests.Reliability;
using ProbationArchive.Web.Tests.Support;

namespace ProbationArchive.Web.Tests.Hostile;

/// <summary>
/// An archive holding only hostile pages, put there by the real import command before the server
/// starts, served by the app on Kestrel at a free 127.0.0.1 port, and Debian's Chromium to read it
/// (as in Browser/BrowserFixture; Playwright never downloads a browser).
/// </summary>
public sealed class HostileArchiveFixture : IAsyncLifetime
{
    private readonly ArchiveWebFactory _server = new();
    private IPlaywright? _playwright;

    public Uri BaseAddress { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>Each stored post's address, by its title and date (a vector titles two posts: its own page's and a label page's).</summary>
    public IReadOnlyDictionary<(string Title, DateOnly? Date), string> Addresses { get; private set; } = null!;

    public int PostCount { get; private set; }

    public string ImportOutput { get; private set; } = "";

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(BrowserFixture.ChromiumPath))
        {
            throw new InvalidOperationException($"The hostile-text tests drive Debian's Chromium at {BrowserFixture.ChromiumPath}: `apt-get install -y chromium`.");
        }

        var pages = Path.Combine(Path.GetDirectoryName(_server.DatabasePath)!, "hostile-pages");
        HostilePages.Write(pages, XssVectors.All);
        HostileExport.Write(pages, XssVectors.All);
        var (exitCode, output) = await ImportProcess.RunAsync(_server.DatabasePath, pages);
        ImportOutput = output;
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"The import command refused the hostile pages (exit {exitCode}):\n{output}");
        }

        _server.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        _server.StartServer();
        BaseAddress = new Uri(_server.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First());
        await _server.WithDatabaseAsync(async db =>
        {
            var posts = await db.Posts.AsNoTracking().Select(p => new { p.Title, p.PublishedOn, p.Permalink }).ToListAsync();
            PostCount = posts.Count;
            Addresses = posts.ToDictionary(p => (p.Title, p.PublishedOn), p => "/" + p.Permalink);
        });

        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = BrowserFixture.ChromiumPath,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run",
            ],
        });
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
