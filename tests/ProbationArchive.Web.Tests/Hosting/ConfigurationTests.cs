using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Options;
using ProbationArchive.Web.Tests.Search;
using ProbationArchive.Web.Tests.Support;

namespace ProbationArchive.Web.Tests.Hosting;

/// <summary>
/// Each documented setting (docs/configuration.md) is read: set it and its effect shows. Settings
/// with tests of their own elsewhere are named in that table instead of repeated here.
/// </summary>
public sealed class ConfigurationTests
{
    [Fact]
    public async Task ArchivePageSize_SetsThePostsPerListPage()
    {
        await using var factory = new ArchiveWebFactory();
        using var two = factory.WithPageSize(2);

        var home = await two.CreateClient().GetDocumentAsync("/");

        Assert.Equal(2, home.QuerySelectorAll("main article.post-summary").Length);
    }

    [Fact]
    public async Task ArchiveOutputCacheFalse_RendersEveryRequest()
    {
        await using var factory = new ArchiveWebFactory();
        using var uncached = factory.WithWebHostBuilder(builder => builder.UseSetting("Archive:OutputCache", "false"));
        var client = uncached.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await client.GetDocumentAsync(Seeds.Napo179);

        Assert.True(await factory.CountCommandsAsync(client, Seeds.Napo179) > 0, "a second request for the page ran no SQL: it was cached");
    }

    [Fact]
    public async Task ArchiveImportSeedsWhenEmptyFalse_LeavesTheArchiveEmpty()
    {
        await using var factory = new ArchiveWebFactory();
        using var empty = factory.WithWebHostBuilder(builder => builder.UseSetting("Archive:ImportSeedsWhenEmpty", "false"));

        var home = await empty.CreateClient().GetDocumentAsync("/");

        Assert.Empty(home.QuerySelectorAll("main article.post-summary"));
    }

    [Fact]
    public async Task ArchiveSeedsPath_ImportsTheCorpusFoundThere()
    {
        var seeds = Directory.CreateTempSubdirectory("probation-seeds-").FullName;
        try
        {
            File.Copy(Path.Combine(AppContext.BaseDirectory, "seeds", "001_ecdb575820ffe45e.txt"), Path.Combine(seeds, "only.txt"));
            await using var factory = new ArchiveWebFactory();
            using var one = factory.WithWebHostBuilder(builder => builder.UseSetting("Archive:SeedsPath", seeds));

            var home = await one.CreateClient().GetDocumentAsync("/");

            Assert.Single(home.QuerySelectorAll("main article.post-summary"));
        }
        finally
        {
            Directory.Delete(seeds, recursive: true);
        }
    }

    [Fact]
    public async Task ImportMaxFileBytes_RefusesLargerFiles()
    {
        await using var factory = new ArchiveWebFactory();
        using var small = factory.WithWebHostBuilder(builder => builder.UseSetting("Import:MaxFileBytes", "20000"));

        var home = await small.CreateClient().GetDocumentAsync("/");

        // Two of the five seeds are under 20,000 bytes (16,255 and 18,832); the others are refused.
        Assert.Equal(2, home.QuerySelectorAll("main article.post-summary").Length);
    }

    [Fact]
    public async Task SearchWindowSeconds_IsHowLongARefusedClientWaits()
    {
        await using var factory = new ArchiveWebFactory();
        using var limited = factory.WithSearchSetting("Search:PermitLimit", "1");
        using var shortWindow = limited.WithWebHostBuilder(builder => builder.UseSetting("Search:WindowSeconds", "1"));
        var client = shortWindow.CreateClient();
        await client.GetDocumentAsync(SearchClient.Url("napo"));

        using var refused = await client.GetAsync(new Uri(SearchClient.Url("pay"), UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.RetryAfter?.Delta <= TimeSpan.FromSeconds(1), $"Retry-After was {refused.Headers.RetryAfter}");

        await Task.Delay(TimeSpan.FromSeconds(1.2), TestContext.Current.CancellationToken);
        await client.GetDocumentAsync(SearchClient.Url("pay"));
    }

    [Theory]
    [InlineData("Archive:PageSize", "0", "PageSize")]
    [InlineData("Archive:MaxConcurrentRequests", "0", "MaxConcurrentRequests")]
    [InlineData("Archive:MaxQueuedRequests", "-1", "MaxQueuedRequests")]
    [InlineData("Import:MaxFileBytes", "0", "MaxFileBytes")]
    [InlineData("Search:PageSize", "0", "Search:PageSize")]
    [InlineData("Archive:OutputCacheRedis", "127.0.0.1:6379,nosuchoption=1", "Archive:OutputCacheRedis")]
    [InlineData("Archive:OutputCacheRedis", ",", "Archive:OutputCacheRedis")]
    // This factory's archive is SQLite, whose data version cannot key a cache several processes share.
    [InlineData("Archive:OutputCacheRedis", "127.0.0.1:6379", "Archive:OutputCacheRedis needs Archive:Provider=PostgreSQL")]
    public async Task AnInvalidSetting_StopsTheAppAtStartNamingIt(string key, string value, string named)
    {
        await using var factory = new ArchiveWebFactory();
        using var invalid = factory.WithWebHostBuilder(builder => builder.UseSetting(key, value));

        var failure = Assert.Throws<OptionsValidationException>(() => invalid.CreateClient());

        Assert.Contains(named, failure.Message, StringComparison.Ordinal);
    }
}
