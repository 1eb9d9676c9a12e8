using System.Net;
using System.Text;

namespace ProbationArchive.Web.Tests.Reliability;

/// <summary>
/// Oversized, malformed and probing requests, sent byte for byte to the real server: each gets a
/// 4xx (the one stated), never a 5xx, leaks nothing, and the server goes on serving.
/// </summary>
public sealed class MalformedRequestTests(LoopbackArchiveFixture server) : IClassFixture<LoopbackArchiveFixture>
{
    private static readonly string Long20K = new('a', 20 * 1024);

    public static TheoryData<string, string, int> Targets => new()
    {
        // Kestrel's limits (Hosting/RequestLimits.cs).
        { "20 KB path", "/" + Long20K, 414 },
        { "20 KB query", "/?q=" + Long20K, 414 },
        { "20 KB label", "/label/" + Long20K, 414 },
        // Escapes that decode to nothing sensible.
        { "bad escape", "/%zz", 404 },
        { "lone percent", "/%", 404 },
        { "truncated UTF-8", "/label/%E2%82", 404 },
        { "invalid UTF-8", "/label/%ff%fe", 404 },
        { "NUL in a label", "/label/%00", 400 },
        { "NUL in a slug", "/2018/11/%00", 400 },
        // Paths that climb out of the site.
        { "encoded traversal", "/..%2f..%2f..%2fetc/passwd", 404 },
        { "dot segments", "/../../../etc/passwd", 404 },
        { "encoded dots", "/%2e%2e/%2e%2e/etc/passwd", 404 },
        { "traversal from static files", "/css/..%2f..%2fappsettings.json", 404 },
        { "traversal in a label", "/label/..%2f..%2fappsettings.json", 404 },
        { "database file", "/archive.db", 404 },
        { "settings file", "/appsettings.json", 404 },
        // Page numbers that are no page.
        { "negative page", "/?page=-1", 404 },
        { "page zero", "/label/PO?page=0", 404 },
        { "page that is a word", "/?page=abc", 404 },
        { "page past int", "/?page=99999999999", 404 },
        { "page past the end", "/2018?page=2147483647", 404 },
        { "page that is a word on a label", "/label/PO?page=abc", 404 },
        { "page that is a word on a year", "/2018?page=x", 404 },
        // Labels and slugs no post has.
        { "label of markup", "/label/%3Cscript%3Ealert(1)%3C%2Fscript%3E", 404 },
        { "label of a space", "/label/%20", 404 },
        { "label of a tab", "/label/%09", 404 },
        { "label of plus signs", "/label/%2B%2B+%2B", 404 },
        { "label of emoji and RTL override", "/label/%F0%9F%92%A9%E2%80%AE", 404 },
        { "label of quotes", "/label/%22'%3E%3Csvg%20onload=alert(1)%3E", 404 },
        { "slug of a space", "/2018/11/%20", 404 },
        { "undated slug of a space", "/undated/%20", 404 },
        { "old slug of a space", "/2018/11/%20.html", 404 },
        { "4 KB slug", "/2018/11/" + new string('x', 4096), 404 },
        { "4 KB old slug", "/2018/11/" + new string('x', 4096) + ".html", 404 },
        { "month 13", "/2018/13", 404 },
        { "year 0000", "/0000", 404 },
    };

    [Theory]
    [MemberData(nameof(Targets))]
    public async Task AMalformedOrProbingAddress_GetsTheStatedClientError(string what, string target, int expected)
    {
        var response = await RawHttp.SendAsync(server.BaseAddress, "GET", target);

        Assert.True(response.Status == expected, $"{what}: expected {expected}, got {response}");
        Assert.DoesNotContain("root:", response.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("ConnectionStrings", response.Body, StringComparison.Ordinal);
        await AssertStillServingAsync();
    }

    [Fact]
    public async Task A40KBHeader_Gets431()
    {
        var response = await RawHttp.SendAsync(server.BaseAddress, "GET", "/", $"X-Big: {new string('h', 40 * 1024)}\r\n");

        Assert.Equal(431, response.Status);
        await AssertStillServingAsync();
    }

    [Fact]
    public async Task TwoHundredHeaders_Get431()
    {
        var headers = new StringBuilder();
        for (var i = 0; i < 200; i++)
        {
            headers.Append(System.Globalization.CultureInfo.InvariantCulture, $"X-H{i}: {i}\r\n");
        }

        var response = await RawHttp.SendAsync(server.BaseAddress, "GET", "/", headers.ToString());

        Assert.Equal(431, response.Status);
        await AssertStillServingAsync();
    }

    [Fact]
    public async Task ABodyOver16KB_IsRefusedWithoutBeingRead()
    {
        // A declared 100 MB body that never comes: the answer must not wait for it.
        var response = await RawHttp.SendAsync(server.BaseAddress, "POST", "/", "Content-Type: text/plain\r\nContent-Length: 104857600\r\n");

        Assert.True(response.Status is 405 or 413, response.ToString());
        await AssertStillServingAsync();
    }

    [Theory]
    [InlineData("no request line at all", "GARBAGE\r\n\r\n", 400)]
    [InlineData("no Host header", "GET / HTTP/1.1\r\nConnection: close\r\n\r\n", 400)]
    [InlineData("a header without a colon", "GET / HTTP/1.1\r\nHost: x\r\nBad Header\r\nConnection: close\r\n\r\n", 400)]
    [InlineData("a space in the address", "GET /label/a b HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", 400)]
    [InlineData("two Content-Length headers", "GET / HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\nContent-Length: 2\r\nConnection: close\r\n\r\nab", 400)]
    [InlineData("a relative address", "GET label/PO HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", 400)]
    // Kestrel lets a control character through in the path; no page has such an address.
    [InlineData("a control character in the address", "GET /label/\u0001 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", 404)]
    public async Task AMalformedRequest_GetsTheStatedClientError(string what, string request, int expected)
    {
        var response = await RawHttp.SendRawAsync(server.BaseAddress, request);

        Assert.True(response.Status == expected, $"{what}: expected {expected}, got {response}");
        await AssertStillServingAsync();
    }

    private async Task AssertStillServingAsync()
    {
        using var client = server.CreateClient();
        using var home = await client.GetAsync(new Uri("/", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
    }
}
