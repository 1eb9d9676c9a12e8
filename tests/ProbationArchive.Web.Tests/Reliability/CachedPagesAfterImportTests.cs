using Microsoft.AspNetCore.Mvc.Testing;
using ProbationArchive.Web.Tests.Search;
using ProbationArchive.Web.Tests.Support;

namespace ProbationArchive.Web.Tests.Reliability;

/// <summary>
/// The output cache never answers with a page older than the archive: once the import command,
/// another process, has committed, the next request for a cached post or search renders again.
/// </summary>
public class CachedPagesAfterImportTests
{
    /// <summary>A fresh app over its own archive; PostgreSQL's subclass (PostgreSql/) makes it there.</summary>
    protected virtual ArchiveWebFactory NewFactory() => new();

    /// <summary>After the import command's commit, before the next request: nothing to wait for on SQLite, whose version is read at each request.</summary>
    protected virtual Task ArchiveChangeReachedAsync(ArchiveWebFactory app) => Task.CompletedTask;

    [Fact]
    public async Task AfterTheImportCommandCommits_CachedPostsAndSearchesShowTheNewData()
    {
        await using var factory = NewFactory();
        var app = factory.WithWebHostBuilder(builder => builder.UseSetting("Archive:ImportSeedsWhenEmpty", "false"));
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var corpus = new ReadingCorpus(posts: 10);
        var pages = Path.Combine(factory.Folder, "pages");
        var post = ReadingCorpus.Address(1);
        var search = SearchClient.Url("\"version 2\"");

        corpus.Write(pages, version: 1);
        await ImportAsync(factory, pages);
        await ArchiveChangeReachedAsync(factory);
        Assert.All(await CommentTextsAsync(client, post), text => Assert.Contains(", version 1.", text, StringComparison.Ordinal));
        Assert.Equal(0, (await client.GetDocumentAsync(search)).Total());
        // Both are cached now: asked again, they run no SQL.
        Assert.Equal(0, await factory.CountCommandsAsync(client, post));
        Assert.Equal(0, await factory.CountCommandsAsync(client, search));

        corpus.Write(pages, version: 2);
        await ImportAsync(factory, pages);
        await ArchiveChangeReachedAsync(factory);

        Assert.All(await CommentTextsAsync(client, post), text => Assert.Contains(", version 2.", text, StringComparison.Ordinal));
        Assert.True((await client.GetDocumentAsync(search)).Total() > 0);
    }

    private static async Task ImportAsync(ArchiveWebFactory app, string pages)
    {
        var (exitCode, output) = await ImportProcess.RunAsync(app, pages);
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
