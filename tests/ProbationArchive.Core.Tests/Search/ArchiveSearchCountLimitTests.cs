using ProbationArchive.Core.Data;
using ProbationArchive.Core.Search;
using ProbationArchive.Core.Tests.Support;

namespace ProbationArchive.Core.Tests.Search;

/// <summary>The count can stop early (the web page never pages past its limit) without changing the hits.</summary>
public class ArchiveSearchCountLimitTests : IAsyncLifetime
{
    /// <summary>The store the tests run on; PostgreSQL's subclass (PostgreSql/) runs them again there.</summary>
    protected virtual ArchiveProvider Provider => ArchiveProvider.Sqlite;

    private TestArchive _archive = null!;

    public async ValueTask InitializeAsync()
    {
        _archive = await TestArchive.CreateAsync(Provider);
        await _archive.ImportAsync(Seeds.Folder);
    }

    public async ValueTask DisposeAsync()
    {
        await _archive.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    private async Task<SearchResults> SearchAsync(string text, int? countLimit, int page = 1, string? label = null, SearchOrder order = SearchOrder.Relevance)
    {
        await using var db = _archive.OpenContext();
        var query = SearchQuery.TryParse(text, out var error) ?? throw new InvalidOperationException(error);
        return await ArchiveSearch.RunAsync(db, new SearchRequest(query, label, Order: order, Page: page, PageSize: 5, CountLimit: countLimit), TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task CountLimit_BelowTheMatches_StopsTheCountAndSaysItIsALowerBound()
    {
        var all = await SearchAsync("probation", countLimit: null);
        var limited = await SearchAsync("probation", countLimit: 7);

        Assert.True(all.Total > 7);
        Assert.False(all.TotalIsLowerBound);
        Assert.Equal(7, limited.Total);
        Assert.True(limited.TotalIsLowerBound);
        Assert.Equal(all.Hits.Select(Key), limited.Hits.Select(Key));
    }

    /// <summary>A hit as a value: the record's list of comments compares by reference.</summary>
    private static string Key(SearchHit hit) =>
        $"{hit.PostId} {hit.Rank} {hit.PostSnippet} {hit.CommentMatches} {string.Join(',', hit.Comments.Select(c => c.CommentId))}";

    [Fact]
    public async Task CountLimit_AboveTheMatches_CountsThemAll()
    {
        var all = await SearchAsync("probation", countLimit: null);
        var limited = await SearchAsync("probation", countLimit: all.Total + 1);

        Assert.Equal(all.Total, limited.Total);
        Assert.False(limited.TotalIsLowerBound);
    }

    /// <summary>The first page's rows carry the count; a page past the last has none and counts apart: the same figures.</summary>
    [Theory]
    [InlineData(null, null)]
    [InlineData(7, null)]
    [InlineData(null, "PO")]
    public async Task APagePastTheLast_ReportsTheSameCount_AsThePagesWithHits(int? countLimit, string? label)
    {
        var first = await SearchAsync("probation", countLimit: countLimit, label: label);
        var past = await SearchAsync("probation", countLimit: countLimit, label: label, page: 10_000);
        var none = await SearchAsync("zzyzxnotaword", countLimit: countLimit, label: label);

        Assert.NotEmpty(first.Hits);
        Assert.Empty(past.Hits);
        Assert.Equal((first.Total, first.TotalIsLowerBound), (past.Total, past.TotalIsLowerBound));
        Assert.Equal((0, false), (none.Total, none.TotalIsLowerBound));
    }

    [Theory]
    [InlineData(SearchOrder.Relevance, null)]
    [InlineData(SearchOrder.Newest, null)]
    [InlineData(SearchOrder.Relevance, "PO")]
    [InlineData(SearchOrder.Newest, "PO")]
    public async Task Pages_TogetherHoldEveryHitOnce_InOrder(SearchOrder order, string? label)
    {
        var all = await SearchAsync("probation", countLimit: null, label: label, order: order);
        var pages = new List<SearchHit>();
        for (var page = 1; page <= all.PageCount; page++)
        {
            pages.AddRange((await SearchAsync("probation", countLimit: null, page: page, label: label, order: order)).Hits);
        }

        Assert.Equal(all.Total, pages.Count);
        // One hit a post, wherever its matches are.
        Assert.Equal(pages.Count, pages.Select(h => h.PostId).Distinct().Count());
        if (order == SearchOrder.Newest)
        {
            Assert.Equal(pages.Select(h => h.PublishedOn).OrderDescending(), pages.Select(h => h.PublishedOn));
        }
        else
        {
            Assert.Equal(pages.Select(h => h.Rank).Order(), pages.Select(h => h.Rank));
        }
    }
}
