using System.Text.Json;
using AngleSharp.Html.Parser;
using Microsoft.Playwright;

namespace ProbationArchive.Web.Tests.Hostile;

/// <summary>
/// One Chromium page that records everything a script could do: dialogs, requests, console errors,
/// Content-Security-Policy refusals. <see cref="ReadAsync"/> opens an address and fails the test
/// if any script ran or tried to, if the page loads or links anything it must not, or if the
/// response lacks the security headers.
/// </summary>
internal sealed class HostileReader : IAsyncDisposable
{
    // Runs before the page's own parsing: a sentinel a script would have to touch, and a record of CSP refusals.
    private const string InitScript = """
        window.__sentinel = 'intact';
        window.__csp = [];
        document.addEventListener('securitypolicyviolation', e => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));
        """;

    private static readonly HtmlParser Parser = new();
    private static readonly string InspectScript = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Hostile", "inspect-page.js"));
    private static readonly string[] SafeReferrerPolicies = ["no-referrer", "same-origin", "strict-origin", "strict-origin-when-cross-origin"];
    private static readonly string[] UnsafeScriptSources = ["'unsafe-inline'", "'unsafe-eval'", "'unsafe-hashes'", "*", "data:", "http:", "https:"];

    private readonly List<string> _dialogs = [];
    private readonly List<string> _requests = [];
    private readonly List<string> _consoleErrors = [];
    private readonly Uri _origin;

    private HostileReader(IPage page, Uri origin)
    {
        Page = page;
        _origin = origin;
        page.Dialog += (_, dialog) =>
        {
            Record(_dialogs, $"{dialog.Type}: {dialog.Message}");
            _ = dialog.DismissAsync();
        };
        page.Request += (_, request) => Record(_requests, request.Url);
        page.Console += (_, message) =>
        {
            // The browser reports a 404 document as a failed load; anything else is a problem.
            if (message.Type == "error" && !message.Text.Contains("status of 404", StringComparison.Ordinal))
            {
                Record(_consoleErrors, message.Text);
            }
        };
        page.PageError += (_, error) => Record(_consoleErrors, error);
    }

    public IPage Page { get; }

    public static async Task<HostileReader> OpenAsync(HostileArchiveFixture fixture)
    {
        var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = fixture.BaseAddress.ToString() });
        await context.AddInitScriptAsync(InitScript);
        return new HostileReader(await context.NewPageAsync(), fixture.BaseAddress);
    }

    public async Task ReadAsync(string address, int expectedStatus = 200)
    {
        var response = await Page.GotoAsync(address) ?? throw new InvalidOperationException($"No response for {address}");
        Assert.True(response.Status == expectedStatus, $"GET {address}: expected {expectedStatus}, got {response.Status}");
        var headerProblems = SecurityHeaderProblems(await response.AllHeadersAsync());
        var served = await Parser.ParseDocumentAsync(await response.TextAsync());
        var seen = await Page.EvaluateAsync<JsonElement>(InspectScript);
        var failures = seen.GetProperty("problems").EnumerateArray().Select(p => $"markup that could run or load: {p.GetString()}").ToList();
        failures.AddRange(headerProblems);
        failures.AddRange(seen.GetProperty("csp").EnumerateArray().Select(v => $"the Content-Security-Policy refused {v.GetString()}"));
        if (seen.GetProperty("xss").GetString() != "undefined")
        {
            failures.Add("window.__xss was set");
        }

        if (seen.GetProperty("sentinel").GetString() != "intact")
        {
            failures.Add("the sentinel was changed");
        }

        if (seen.GetProperty("injected").GetInt32() > 0)
        {
            failures.Add("an <xss-injected> element was added");
        }

        // The DOM is the parse of what the server sent: no script added, removed or retitled anything.
        if (served.Title != seen.GetProperty("title").GetString())
        {
            failures.Add($"the title became '{seen.GetProperty("title").GetString()}', served as '{served.Title}'");
        }

        if (served.All.Length != seen.GetProperty("elements").GetInt32())
        {
            failures.Add($"the DOM has {seen.GetProperty("elements").GetInt32()} elements, the served page {served.All.Length}");
        }

        failures.AddRange(Signals());
        if (!Page.Url.StartsWith(_origin.GetLeftPart(UriPartial.Authority), StringComparison.Ordinal))
        {
            failures.Add($"the page moved to {Page.Url}");
        }

        Assert.True(failures.Count == 0, $"GET {address}:\n{string.Join('\n', failures)}");
    }

    /// <summary>Dialogs, requests beyond the app, and console errors since the page was opened.</summary>
    private List<string> Signals()
    {
        lock (_dialogs)
        {
            var signals = _dialogs.Select(d => $"a dialog opened: {d}").ToList();
            signals.AddRange(_requests
                .Where(url => !Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.GetLeftPart(UriPartial.Authority) != _origin.GetLeftPart(UriPartial.Authority))
                .Select(url => $"a request beyond {_origin}: {url}"));
            signals.AddRange(_consoleErrors.Select(e => $"console error: {e}"));
            if (_requests.Count == 0)
            {
                signals.Add("no request was recorded: the recorder is not listening");
            }

            return signals;
        }
    }

    /// <summary>What the response's headers fail to forbid: inline or foreign script, framing, sniffing, leaking the address.</summary>
    private static List<string> SecurityHeaderProblems(Dictionary<string, string> headers)
    {
        var problems = new List<string>();
        if (!headers.TryGetValue("content-security-policy", out var csp))
        {
            return ["no Content-Security-Policy"];
        }

        var directives = csp.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(d => d.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .ToDictionary(d => d[0], d => d[1..], StringComparer.OrdinalIgnoreCase);
        var scripts = directives.GetValueOrDefault("script-src") ?? directives.GetValueOrDefault("default-src");
        if (scripts is null || scripts.Intersect(UnsafeScriptSources, StringComparer.OrdinalIgnoreCase).Any())
        {
            problems.Add($"the CSP lets inline or foreign script run: {csp}");
        }

        if (directives.GetValueOrDefault("frame-ancestors") is not ["'none'"])
        {
            problems.Add($"the CSP lets other sites frame the page: {csp}");
        }

        if (directives.GetValueOrDefault("object-src") is not ["'none'"])
        {
            problems.Add($"the CSP allows plugins: {csp}");
        }

        if (headers.GetValueOrDefault("x-content-type-options") != "nosniff")
        {
            problems.Add("no X-Content-Type-Options: nosniff");
        }

        if (!SafeReferrerPolicies.Contains(headers.GetValueOrDefault("referrer-policy")))
        {
            problems.Add($"Referrer-Policy is '{headers.GetValueOrDefault("referrer-policy")}'");
        }

        return problems;
    }

    private static void Record(List<string> list, string item)
    {
        lock (list)
        {
            list.Add(item);
        }
    }

    public async ValueTask DisposeAsync() => await Page.Context.CloseAsync();
}
