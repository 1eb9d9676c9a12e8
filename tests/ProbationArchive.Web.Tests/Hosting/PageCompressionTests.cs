using System.IO.Compression;
using ProbationArchive.Web.Tests.Support;

namespace ProbationArchive.Web.Tests.Hosting;

/// <summary>
/// Readers who accept brotli or gzip get the page compressed, the same page once unpacked; the
/// output cache keeps one entry per encoding, however the reader spells Accept-Encoding.
/// </summary>
public sealed class PageCompressionTests(ArchiveWebFactory factory) : IClassFixture<ArchiveWebFactory>
{
    [Theory]
    [InlineData("gzip, deflate, br, zstd", "br", "br;q=1.0, gzip;q=0.8")]
    [InlineData("gzip, deflate", "gzip", "gzip")]
    public async Task Page_IsSentInTheEncodingTheReaderAccepts_AndCachedOncePerEncoding(string accepted, string encoding, string sameEncodingSpelledOtherwise)
    {
        var post = encoding == "br" ? Seeds.Napo179 : Seeds.Undated;
        var client = factory.CreateReader();
        var plain = await GetAsync(client, post, acceptEncoding: null);
        Assert.Null(plain.Encoding);

        factory.Commands.Reset();
        var compressed = await GetAsync(client, post, accepted);
        Assert.True(factory.Commands.Count > 0, "a new encoding is a new cache entry, rendered once");
        factory.Commands.Reset();
        var again = await GetAsync(client, post, sameEncodingSpelledOtherwise);

        Assert.Equal(0, factory.Commands.Count);
        Assert.Equal(encoding, compressed.Encoding);
        Assert.Equal(encoding, again.Encoding);
        Assert.Contains("Accept-Encoding", compressed.Vary);
        Assert.True(compressed.Bytes.Length < plain.Bytes.Length / 2, $"{compressed.Bytes.Length} compressed bytes for {plain.Bytes.Length}");
        Assert.Equal(plain.Bytes, Unpack(compressed.Bytes, encoding));
        Assert.Equal(plain.Bytes, Unpack(again.Bytes, encoding));
    }

    private static async Task<(byte[] Bytes, string? Encoding, IEnumerable<string> Vary)> GetAsync(HttpClient client, string url, string? acceptEncoding)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(url, UriKind.Relative));
        if (acceptEncoding is not null)
        {
            request.Headers.AcceptEncoding.ParseAdd(acceptEncoding);
        }

        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
        var bytes = await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);
        return (bytes, response.Content.Headers.ContentEncoding.SingleOrDefault(), response.Headers.Vary);
    }

    private static byte[] Unpack(byte[] bytes, string encoding)
    {
        using var packed = new MemoryStream(bytes);
        using Stream unpacking = encoding == "br" ? new BrotliStream(packed, CompressionMode.Decompress) : new GZipStream(packed, CompressionMode.Decompress);
        using var plain = new MemoryStream();
        unpacking.CopyTo(plain);
        return plain.ToArray();
    }
}
