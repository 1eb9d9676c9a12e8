using Microsoft.AspNetCore.Mvc.Testing;
using ProbationArchive.Web.Tests.Search;
using ProbationArchive.Web.Tests.Support;

namespace ProbationArchive.Web.Tests.Reliability;

/// <summary>
/// The output cache never answers with a page older than the archive: once the import command,
/// another process, has committed, the next request for a cached post or search renders again.
/// </summary>
public sealed class CachedPagesAfterImportTests
{
    [Fact]
    public async Task AfterTheImportCommandCommits_CachedPostsAndSearchesShowTheNewData()
    {
        await using var factory = new ArchiveWebFactory();
        var app = factory.WithWebHostBuilder(builder => builder.UseSetting("Archive:ImportSeedsWhenEmpty", "false"));
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var corpus = new ReadingCorpus(posts: 10);
        var pages = Path.Combine(Path.GetDirectoryName(factory.DatabasePath)!, "pages");
        var post = ReadingCorpus.Address(1);
        var search = SearchClient.Url("\"version 2\"");

        corpus.Write(pages, version: 1);
        await ImportAsync(factory.DatabasePath, pages);
        Assert.All(await CommentTextsAsync(client, post), text => Assert.Contains(", version 1.", text, StringComparison.Ordinal));
        Assert.Equal(0, (await client.GetDocumentAsync(search)).Total());
        // Both are cached now: asked again, they run no SQL.
        Assert.Equal(0, await factory.CountCommandsAsync(client, post));
        Assert.Equal(0, await factory.CountCommandsAsync(client, search));

        corpus.Write(pages, version: 2);
        await ImportAsync(factory.DatabasePath, pages);

        Assert.All(await CommentTextsAsync(client, post), text => Assert.Contains(", version 2.", text, StringComparison.Ordinal));
        Assert.True((await client.GetDocumentAsync(search)).Total() > 0);
    }

    private static async Task ImportAsync(string database, string pages)
    {
        var (exitCode, output) = await ImportProcess.RunAsync(database, pages);
        Assert.True(exitCode == 0, output);
    }

    private static async Task<List<string>> CommentTextsAsync(HttpClient client, string post)
    {
        var page = await client.GetDocumentAsync(post);
        var texts = page.QuerySelectorAll("#comments article > div").Select(body => body.Text()).ToList();
        Assert.NotEmpty(texts);
        return texts;
    }
}
