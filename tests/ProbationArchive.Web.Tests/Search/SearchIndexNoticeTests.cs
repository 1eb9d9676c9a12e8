using Microsoft.EntityFrameworkCore;
using ProbationArchive.Web.Tests.Support;

namespace ProbationArchive.Web.Tests.Search;

/// <summary>
/// While a bulk import has the search index suspended (it rebuilds it at its end), the results
/// page says so, rather than silently missing what the import is adding.
/// </summary>
public sealed class SearchIndexNoticeTests(ArchiveWebFactory factory) : IClassFixture<ArchiveWebFactory>
{
    [Fact]
    public async Task Results_WhileTheIndexIsSuspended_SayTheImportIsStillBeingIndexed()
    {
        var client = factory.CreateReader();
        var before = await client.GetDocumentAsync(SearchClient.Url("napo"));
        Assert.Null(before.QuerySelector("#search-index-rebuilding"));

        await factory.WithDatabaseAsync(db => db.Database.ExecuteSqlRawAsync("UPDATE SearchIndexState SET Suspended = 1", TestContext.Current.CancellationToken));
        var during = await client.GetDocumentAsync(SearchClient.Url("napo"));

        Assert.Contains("once it has finished", during.One("#search-index-rebuilding").TextContent, StringComparison.Ordinal);
        Assert.True(during.Total() > 0);
    }
}
