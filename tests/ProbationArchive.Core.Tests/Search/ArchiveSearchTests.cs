using Microsoft.EntityFrameworkCore;
using ProbationArchive.Core.Data;
using ProbationArchive.Core.Search;
using ProbationArchive.Core.Tests.Support;

namespace ProbationArchive.Core.Tests.Search;

/// <summary>Search over the seeds through the real importer and the index the migrations create (FTS5 on SQLite, tsvector on PostgreSQL).</summary>
public class ArchiveSearchTests : IAsyncLifetime
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

    private async Task<SearchResults> SearchAsync(string text, string? label = null, DateOnly? from = null, DateOnly? to = null, SearchOrder order = SearchOrder.Relevance, int pageSize = 100)
    {
        await using var db = _archive.OpenContext();
        var query = SearchQuery.TryParse(text, out var error) ?? throw new InvalidOperationException(error);
        return await ArchiveSearch.RunAsync(db, new SearchRequest(query, label, from, to, order, 1, pageSize), TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Search_PhraseOnlyInOneReply_FindsItsPostWithThatReply()
    {
        var results = await SearchAsync("\"only do for napo\"");

        var hit = Assert.Single(results.Hits);
        Assert.Equal(1, results.Total);
        Assert.Null(hit.PostSnippet);
        Assert.Equal(1, hit.CommentMatches);
        Assert.Equal(0, hit.MoreComments);
        var comment = Assert.Single(hit.Comments);
        await using var db = _archive.OpenContext();
        var reply = await db.Comments.SingleAsync(c => c.Id == comment.CommentId, TestContext.Current.CancellationToken);
        Assert.Equal("Napo only do for napo", reply.Text);
        Assert.NotNull(reply.ParentId);
        Assert.Equal($"Reply {reply.ThreadPath}", comment.Name);
        Assert.Equal("2018/11/latest-from-napo-179", hit.Permalink);
        // The phrase is highlighted as one run, not word by word.
        Assert.Equal($"Napo {ArchiveSearch.HighlightStart}only do for napo{ArchiveSearch.HighlightEnd}", comment.Snippet);
    }

    [Fact]
    public async Task Search_ManyMatchesInOnePost_AreOneHit_RankedByItsBestMatch_ListingItsBestComments()
    {
        var results = await SearchAsync("napo");

        await using var db = _archive.OpenContext();
        // What FTS5 itself matches, entry by entry: the post of each entry, and each post's matching comments.
        var entries = await SearchIndexProbe.EntriesMatchingAsync(db, "napo");
        var commentPosts = await db.Comments.Select(c => new { c.Id, c.PostId }).ToDictionaryAsync(c => (long)c.Id, c => c.PostId, TestContext.Current.CancellationToken);
        var posts = entries.Select(e => e < 0 ? (int)-e : commentPosts[e]).ToList();
        Assert.Equal(posts.Distinct().Count(), results.Total);
        Assert.Equal(posts.Distinct().Order(), results.Hits.Select(h => h.PostId).Order());
        Assert.True(entries.Count > results.Total, "some post has several matches");

        foreach (var hit in results.Hits)
        {
            Assert.Equal(entries.Count(e => e > 0 && commentPosts[e] == hit.PostId), hit.CommentMatches);
            Assert.Equal(entries.Contains(-hit.PostId), hit.PostSnippet is not null);
            Assert.Equal(Math.Min(3, hit.CommentMatches), hit.Comments.Count);
            Assert.Equal(hit.CommentMatches - hit.Comments.Count, hit.MoreComments);
            Assert.Equal(hit.Comments.Select(c => c.Rank).Order(), hit.Comments.Select(c => c.Rank));
            Assert.All(hit.Comments, c => Assert.Contains(ArchiveSearch.HighlightStart, c.Snippet));
            // Its rank is its best match's: no better than any comment it lists.
            Assert.All(hit.Comments, c => Assert.True(hit.Rank <= c.Rank));
        }

        Assert.Equal(results.Hits.Select(h => h.Rank).Order(), results.Hits.Select(h => h.Rank));
    }

    [Fact]
    public async Task Search_ExcludedWord_RemovesTheHitsThatHoldIt()
    {
        var all = await SearchAsync("probation");
        var without = await SearchAsync("probation -napo");

        Assert.InRange(without.Total, 1, all.Total - 1);
        Assert.All(without.Hits.SelectMany(Snippets), s => Assert.DoesNotContain("napo", s, StringComparison.OrdinalIgnoreCase));
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

        Assert.Contains(results.Hits, h => h.Title == "Reunification Is Coming!" && h.PostSnippet is not null);
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

    private static IEnumerable<string> Snippets(SearchHit hit) =>
        hit.Comments.Select(c => c.Snippet).Prepend(hit.PostSnippet).OfType<string>();

    [Fact]
    public async Task SearchIndex_HoldsOneEntryPerPostAndComment()
    {
        await using var db = _archive.OpenContext();
        var entries = await SearchIndexProbe.CountAsync(db);

        Assert.Equal(10 + 109, entries);
    }
}
