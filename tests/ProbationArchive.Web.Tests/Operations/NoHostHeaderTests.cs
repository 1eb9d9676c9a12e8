using ProbationArchive.Web.Tests.Reliability;

namespace ProbationArchive.Web.Tests.Operations;

/// <summary>
/// An HTTP/1.0 request may omit Host; the absolute URLs of the sitemap, robots.txt and the feeds
/// were then made from nothing and answered 500. Now such a request is refused with 400 (on real
/// Kestrel: the test server always sends a Host).
/// </summary>
public sealed class NoHostHeaderTests(LoopbackArchiveFixture server) : IClassFixture<LoopbackArchiveFixture>
{
    [Theory]
    [InlineData("/sitemap.xml")]
    [InlineData("/robots.txt")]
    [InlineData("/feeds/posts.atom")]
    [InlineData("/")]
    public async Task RequestWithoutHost_IsA400_NotA500(string url)
    {
        var response = await RawHttp.SendRawAsync(server.BaseAddress, $"GET {url} HTTP/1.0\r\n\r\n");

        Assert.Equal(400, response.Status);
    }
}
