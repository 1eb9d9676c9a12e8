using Microsoft.EntityFrameworkCore;
using ProbationArchive.Core.Archive;
using ProbationArchive.Web.Tests.Support;

namespace ProbationArchive.Web.Tests.Search;

/// <summary>
/// Search result pages are output-cached under their normalised form and the archive's version:
/// a repeated search runs no SQL, the same search spelled differently is the same entry, another
/// search is another entry, and a commit to the archive makes every search run again.
/// </summary>
public class SearchCacheTests(ArchiveWebFactory factory) : IClassFixture<ArchiveWebFactory>
{
    [Fact]
    public async Task RepeatedSearch_IsServedFromTheCache_UnderItsNormalisedForm()
    {
        var client = factory.CreateReader();

        // The hits with their count, and the archive summary (the form's labels, the sidebar) unless already made for this data version.
        Assert.InRange(await factory.CountCommandsAsync(client, SearchClient.Url("napo")), 1, 3);
        Assert.Equal(0, await factory.CountCommandsAsync(client, SearchClient.Url("napo")));
        // Spaces, page 1 spelled out, and a parameter the page does not read change nothing.
        Assert.Equal(0, await factory.CountCommandsAsync(client, SearchClient.Url("  napo ", "&page=1&label=&utm_source=x")));
        var normalised = await client.GetDocumentAsync(SearchClient.Url("  napo "));
        Assert.Equal("napo", normalised.One("#search-page-q").GetAttribute("value"));

        // Another order, page, filter or query is another page, so another entry.
        Assert.Equal(1, await factory.CountCommandsAsync(client, SearchClient.Url("napo", "&order=newest")));
        Assert.Equal(1, await factory.CountCommandsAsync(client, SearchClient.Url("napo", "&from=2018-01-01")));
        // A page past the end (the seeds' posts fit on one) has no row to carry the count, so it is
        // counted apart; it is refused, and a refusal is never stored.
        Assert.Equal(2, await factory.CountCommandsAsync(client, SearchClient.Url("napo", "&page=2"), System.Net.HttpStatusCode.NotFound));
        Assert.Equal(2, await factory.CountCommandsAsync(client, SearchClient.Url("napo", "&page=2"), System.Net.HttpStatusCode.NotFound));
        Assert.Equal(1, await factory.CountCommandsAsync(client, SearchClient.Url("napo", "&label=PO")));
        Assert.Equal(1, await factory.CountCommandsAsync(client, SearchClient.Url("pay")));
        Assert.Equal(0, await factory.CountCommandsAsync(client, SearchClient.Url("napo", "&order=NEWEST")));
    }

    [Fact]
    public async Task EmptyQuery_AndNoQuery_AreDifferentPages()
    {
        var client = factory.CreateReader();

        var asked = await client.GetDocumentAsync("/search?q=%20%20");
        var notAsked = await client.GetDocumentAsync("/search");
        var askedAgain = await client.GetDocumentAsync("/search?q=%20");

        Assert.NotNull(asked.QuerySelector("#search-problem"));
        Assert.Null(notAsked.QuerySelector("#search-problem"));
        Assert.NotNull(askedAgain.QuerySelector("#search-problem"));
    }

    [Fact]
    public async Task ACommitToTheArchive_MakesTheSameSearchRunAgain()
    {
        var client = factory.CreateReader();
        Assert.InRange(await factory.CountCommandsAsync(client, SearchClient.Url("probation officer")), 1, 3);
        Assert.Equal(0, await factory.CountCommandsAsync(client, SearchClient.Url("probation officer")));

        // Another connection commits, as the import command does.
        await factory.WithDatabaseAsync(async db =>
        {
            // On a post: a label no post carries is not shown.
            var label = new Label { Name = "Added after the search" };
            label.Posts.Add(await db.Posts.OrderBy(p => p.Id).FirstAsync(TestContext.Current.CancellationToken));
            db.Labels.Add(label);
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        });
        await ArchiveChangeReachedAsync();

        // The search again, and the archive summary again for the new data version.
        Assert.Equal(3, await factory.CountCommandsAsync(client, SearchClient.Url("probation officer")));
        var page = await client.GetDocumentAsync(SearchClient.Url("probation officer"));
        Assert.Contains(page.QuerySelectorAll("#search-label option"), o => o.GetAttribute("value") == "Added after the search");
    }

    /// <summary>After a commit, before the next request: nothing to wait for on SQLite, whose version is read at each request.</summary>
    protected virtual Task ArchiveChangeReachedAsync() => Task.CompletedTask;
}
