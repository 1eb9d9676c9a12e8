using Microsoft.EntityFrameworkCore;
using ProbationArchive.Core.Search;
using ProbationArchive.Core.Tests.Support;

namespace ProbationArchive.Core.Tests.Search;

/// <summary>Search over the seeds through the real importer and the FTS5 index the migrations create.</summary>
public sealed class ArchiveSearchTests : IAsyncLifetime
{
    private TestArchive _archive = null!;

    public async ValueTask InitializeAsync()
    {
        _archive = await TestArchive.CreateAsync();
        await _archive.ImportAsync(Seeds.Folder);
    }

    public async ValueTask DisposeAsync() => await _archive.DisposeAsync();

    private async Task<SearchResults> SearchAsync(string text, string? label = null, DateOnly? from = null, DateOnly? to = null, SearchOrder order = SearchOrder.Relevance, int pageSize = 100)
    {
        await using var db = _archive.OpenContext();
        var query = SearchQuery.TryParse(text, out var error) ?? throw new InvalidOperationException(error);
        return await ArchiveSearch.RunAsync(db, new SearchRequest(query, label, from, to, order, 1, pageSize), TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Search_PhraseOnlyInOneReply_FindsThatReply()
    {
        var results = await SearchAsync("\"only do for napo\"");

        var hit = Assert.Single(results.Hits);
        await using var db = _archive.OpenContext();
        var reply = await db.Comments.SingleAsync(c => c.Id == hit.CommentId, TestContext.Current.CancellationToken);
        Assert.Equal("Napo only do for napo", reply.Text);
        Assert.NotNull(reply.ParentId);
        Assert.Equal("2018/11/latest-from-napo-179", hit.Permalink);
        // The phrase is highlighted as one run, not word by word.
        Assert.Equal($"Napo {ArchiveSearch.HighlightStart}only do for napo{ArchiveSearch.HighlightEnd}", hit.Snippet);
    }

    [Fact]
    public async Task Search_ExcludedWord_RemovesTheHitsThatHoldIt()
    {
        var all = await SearchAsync("probation");
        var without = await SearchAsync("probation -napo");

        Assert.InRange(without.Total, 1, all.Total - 1);
        Assert.All(without.Hits, h => Assert.DoesNotContain("napo", h.Snippet, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Search_LabelFilter_KeepsOnlyPostsWithThatLabel()
    {
        var all = await SearchAsync("probation");
        var labelled = await SearchAsync("probation", label: "PO");

        Assert.InRange(labelled.Total, 1, all.Total - 1);
        await using var db = _archive.OpenContext();
        var poPosts = await db.Posts.Where(p => p.Labels.Any(l => l.Name == "PO")).Select(p => p.Id).ToListAsync(TestContext.Current.CancellationToken);
        Assert.All(labelled.Hits, h => Assert.Contains(h.PostId, poPosts));
    }

    [Fact]
    public async Task Search_DateRange_KeepsOnlyPostsInside()
    {
        var results = await SearchAsync("probation", from: new DateOnly(2019, 1, 1), to: new DateOnly(2019, 12, 31));

        Assert.NotEmpty(results.Hits);
        Assert.All(results.Hits, h => Assert.Equal(2019, h.PublishedOn!.Value.Year));
    }

    [Fact]
    public async Task Search_Prefix_MatchesLongerWords()
    {
        var results = await SearchAsync("reunif*");

        Assert.Contains(results.Hits, h => h.Title == "Reunification Is Coming!" && h.CommentId is null);
    }

    [Fact]
    public async Task Search_NewestFirst_OrdersByDate()
    {
        var results = await SearchAsync("probation", order: SearchOrder.Newest);

        var dates = results.Hits.Select(h => h.PublishedOn ?? DateOnly.MinValue).ToList();
        Assert.Equal(dates.OrderDescending(), dates);
    }

    [Fact]
    public async Task Search_AfterAFileChanges_FindsTheNewTextAndNotTheOld()
    {
        var page = _archive.WritePage("post.txt", Pages.Post("Monday, 3 June 2019", "Zebra Post", "Quagga in the body.", "Okapi in a comment."));
        await _archive.ImportAsync(page);
        File.WriteAllText(page, Pages.Post("Monday, 3 June 2019", "Zebra Post", "Narwhal in the body.", "Axolotl in a comment."));
        await _archive.ImportAsync(page);

        Assert.Equal(0, (await SearchAsync("quagga")).Total);
        Assert.Equal(0, (await SearchAsync("okapi")).Total);
        Assert.Equal(1, (await SearchAsync("narwhal")).Total);
        Assert.Equal(1, (await SearchAsync("axolotl")).Total);
    }

    [Fact]
    public async Task SearchIndex_HoldsOneEntryPerPostAndComment()
    {
        await using var db = _archive.OpenContext();
        var entries = await db.Database.SqlQuery<int>($"SELECT count(*) AS Value FROM SearchEntries").SingleAsync(TestContext.Current.CancellationToken);

        Assert.Equal(10 + 109, entries);
    }
}
