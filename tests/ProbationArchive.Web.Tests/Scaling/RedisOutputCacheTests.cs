using System.IO.Compression;
using AngleSharp.Html.Parser;
using ProbationArchive.TestSupport;
using ProbationArchive.Web.Tests.PostgreSql;
using ProbationArchive.Web.Tests.Reliability;
using ProbationArchive.Web.Tests.Support;

namespace ProbationArchive.Web.Tests.Scaling;

/// <summary>
/// <c>Archive:OutputCacheRedis</c>: two nodes on one PostgreSQL database share one cache in Redis.
/// A page one node rendered is served by the other without SQL, in each encoding; after an import
/// by either node (or by the import command anywhere), neither serves the page of before.
/// </summary>
[Trait("Provider", "PostgreSQL")]
public sealed class RedisOutputCacheTests
{
    private readonly string _postgres = PostgreSqlTestDatabase.RequireServer();
    private readonly string _redis = RedisTestServer.Require();

    [Fact]
    public async Task ArchiveOutputCacheRedis_ServesAPageOneNodeRendered_FromTheOtherWithoutSql()
    {
        await using var first = new RedisNodeFactory(_redis);
        await using var second = first.AnotherNode();
        using var firstReader = first.CreateReader();
        using var secondReader = second.CreateReader();
        await NodeVersions.WaitUntilCurrentAsync(second);

        Assert.True(await first.CountCommandsAsync(firstReader, Seeds.Napo179) > 0, "the first node found the page cached before anyone had rendered it");

        Assert.Equal(0, await second.CountCommandsAsync(secondReader, Seeds.Napo179));
        var page = await secondReader.GetDocumentAsync(Seeds.Napo179);
        Assert.Equal((await firstReader.GetDocumentAsync(Seeds.Napo179)).One("#post-title").Text(), page.One("#post-title").Text());
    }

    [Theory]
    [InlineData("br")]
    [InlineData("gzip")]
    [InlineData("identity")]
    public async Task ArchiveOutputCacheRedis_KeepsOneEntryPerEncoding_ServedByEitherNode(string encoding)
    {
        await using var first = new RedisNodeFactory(_redis);
        await using var second = first.AnotherNode();
        using var firstReader = first.CreateReader();
        using var secondReader = second.CreateReader();
        await NodeVersions.WaitUntilCurrentAsync(second);
        var plain = await GetAsync(firstReader, Seeds.Napo179, acceptEncoding: null);

        first.Commands.Reset();
        var rendered = await GetAsync(firstReader, Seeds.Napo179, encoding);
        Assert.True(encoding == "identity" || first.Commands.Count > 0, "another encoding is another entry, rendered once");
        second.Commands.Reset();
        var fromRedis = await GetAsync(secondReader, Seeds.Napo179, encoding);

        Assert.Equal(0, second.Commands.Count);
        Assert.Equal(encoding == "identity" ? null : encoding, fromRedis.Encoding);
        Assert.Equal(rendered.Bytes, fromRedis.Bytes);
        var unpacked = Unpack(fromRedis.Bytes, encoding);
        Assert.Equal(plain.Bytes, unpacked);
        var document = await new HtmlParser().ParseDocumentAsync(System.Text.Encoding.UTF8.GetString(unpacked), TestContext.Current.CancellationToken);
        Assert.NotEmpty(document.One("#post-title").Text());
    }

    [Fact]
    public async Task ArchiveOutputCacheRedis_AfterAnImport_NeitherNodeServesThePageOfBefore()
    {
        await using var first = new RedisNodeFactory(_redis);
        await using var second = first.AnotherNode();
        using var firstReader = first.CreateReader();
        using var secondReader = second.CreateReader();
        var corpus = new ReadingCorpus(posts: 3);
        var pages = Path.Combine(first.Folder, "pages");
        var post = ReadingCorpus.Address(1);
        corpus.Write(pages, version: 1);
        await ImportAsync(first, pages);
        await NodeVersions.WaitUntilCurrentAsync(first);
        await NodeVersions.WaitUntilCurrentAsync(second);
        Assert.Contains(", version 1.", (await firstReader.GetDocumentAsync(post)).One("#comments").Text(), StringComparison.Ordinal);
        Assert.Equal(0, await second.CountCommandsAsync(secondReader, post));

        corpus.Write(pages, version: 2);
        await ImportAsync(second, pages);

        // Waiting takes the change from each node's own check, so neither evicts the old entries:
        // they are still in Redis, and only the version in the key keeps them from being served.
        foreach (var (node, reader) in new[] { (first, firstReader), (second, secondReader) })
        {
            await NodeVersions.WaitUntilCurrentAsync(node);
            var comments = (await reader.GetDocumentAsync(post)).One("#comments").Text();
            Assert.Contains(", version 2.", comments, StringComparison.Ordinal);
            Assert.DoesNotContain(", version 1.", comments, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task ArchiveOutputCacheRedis_WhenRedisDoesNotAnswer_PagesAreRenderedUncached()
    {
        await using var node = new RedisNodeFactory($"127.0.0.1:{LoopbackPorts.Free()},connectTimeout=1000");
        using var reader = node.CreateReader();
        await NodeVersions.WaitUntilCurrentAsync(node);

        Assert.True(await node.CountCommandsAsync(reader, Seeds.Napo179) > 0);
        Assert.True(await node.CountCommandsAsync(reader, Seeds.Napo179) > 0, "a page was cached with no cache to hold it");
        await reader.GetDocumentAsync("/");
    }

    private static async Task ImportAsync(ArchiveWebFactory node, string pages)
    {
        var (exitCode, output) = await ImportProcess.RunAsync(node, pages);
        Assert.True(exitCode == 0, output);
    }

    private static async Task<(byte[] Bytes, string? Encoding)> GetAsync(HttpClient client, string url, string? acceptEncoding)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(url, UriKind.Relative));
        if (acceptEncoding is not null)
        {
            request.Headers.AcceptEncoding.ParseAdd(acceptEncoding);
        }

        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken), response.Content.Headers.ContentEncoding.SingleOrDefault());
    }

    private static byte[] Unpack(byte[] bytes, string encoding)
    {
        if (encoding == "identity")
        {
            return bytes;
        }

        using var packed = new MemoryStream(bytes);
        using Stream unpacking = encoding == "br" ? new BrotliStream(packed, CompressionMode.Decompress) : new GZipStream(packed, CompressionMode.Decompress);
        using var plain = new MemoryStream();
        unpacking.CopyTo(plain);
        return plain.ToArray();
    }
}
