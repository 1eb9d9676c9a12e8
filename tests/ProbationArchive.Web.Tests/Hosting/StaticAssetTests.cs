using System.IO.Compression;
using ProbationArchive.Web.Tests.Support;

namespace ProbationArchive.Web.Tests.Hosting;

/// <summary>Issue 12: the stylesheet and the icon are sent compressed, and cached for a year at their fingerprinted address.</summary>
public sealed class StaticAssetTests(ArchiveWebFactory factory)
{
    [Theory]
    [InlineData("link[rel=stylesheet]")]
    [InlineData("link[rel=icon]")]
    public async Task EveryPageLinksTheAsset_ByItsFingerprint_WhichIsCachedForAYear_AndSentCompressed(string selector)
    {
        var client = factory.CreateReader();
        var page = await client.GetDocumentAsync("/");
        var href = page.One(selector).GetAttribute("href")!;
        Assert.Matches(@"\?v=[A-Za-z0-9_-]{20,}$", href);

        using var plain = await client.GetAsync(new Uri(href, UriKind.Relative), TestContext.Current.CancellationToken);
        var plainBytes = await plain.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(href, UriKind.Relative));
        request.Headers.TryAddWithoutValidation("Accept-Encoding", "br, gzip");
        using var compressed = await client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal("public, max-age=31536000, immutable", plain.Headers.CacheControl?.ToString());
        Assert.Equal("br", Assert.Single(compressed.Content.Headers.ContentEncoding));
        Assert.Equal("public, max-age=31536000, immutable", compressed.Headers.CacheControl?.ToString());
        await using var brotli = new BrotliStream(await compressed.Content.ReadAsStreamAsync(TestContext.Current.CancellationToken), CompressionMode.Decompress);
        using var unpacked = new MemoryStream();
        await brotli.CopyToAsync(unpacked, TestContext.Current.CancellationToken);
        Assert.Equal(plainBytes, unpacked.ToArray());
        Assert.Empty(plain.Content.Headers.ContentEncoding);
    }

    [Theory]
    [InlineData("/css/site.css")]
    [InlineData("/favicon.svg")]
    public async Task AnAssetWithoutItsFingerprint_IsCachedForAnHourOnly(string path)
    {
        using var response = await factory.CreateReader().GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal("public, max-age=3600", response.Headers.CacheControl?.ToString());
    }
}
