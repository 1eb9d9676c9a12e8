using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using ProbationArchive.Web.Tests.Support;

namespace ProbationArchive.Web.Tests.Search;

/// <summary>The search page over the seeds: what it finds, where its links land, and how filters narrow it.</summary>
public class SearchPageTests(ArchiveWebFactory factory)
{
    [Fact]
    public async Task PhraseOnlyInOneReply_FindsItsPost_AndTheReplysLinkLandsOnItsAnchor()
    {
        var client = factory.CreateReader();

        var results = await client.GetDocumentAsync(SearchClient.Url("\"only do for napo\""));

        Assert.Equal(1, results.Total());
        var hit = results.One(".search-hit");
        Assert.Equal(Seeds.Napo179, hit.One(".search-hit-title a").GetAttribute("href"));
        Assert.Equal("Latest From Napo 179", hit.One(".search-hit-title a").Text());
        Assert.Equal("Matched in 1 comment", hit.One(".hit-kind").Text());
        Assert.Empty(hit.QuerySelectorAll(":scope > .snippet"));
        var comment = hit.One(".hit-comments li");
        var href = comment.One("a").GetAttribute("href")!;
        Assert.Matches($"^{Seeds.Napo179}\\?comment=[0-9]+$", href);
        Assert.Equal("Reply 1.3", comment.One("a").Text());
        // The phrase is highlighted whole, and the snippet is the reply's text.
        Assert.Equal("only do for napo", comment.One(".snippet mark").Text());
        Assert.Equal("Napo only do for napo", comment.One(".snippet").Text());
        Assert.Empty(hit.QuerySelectorAll(".more-comments"));

        // The link is the comment's lasting address: it moves to the page of comments that holds it, at its anchor.
        using var moved = await client.GetAsync(new Uri(href, UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(System.Net.HttpStatusCode.Found, moved.StatusCode);
        var location = moved.Headers.Location!.OriginalString.Split('#');
        Assert.Equal(Seeds.Napo179, location[0]);
        var anchor = location[1];
        var reply = await factory.ReadStoreAsync((db, ct) => db.Comments.SingleAsync(c => c.Text == "Napo only do for napo", ct));
        Assert.Equal($"c{reply.Id}", anchor);
        Assert.NotNull(reply.ParentId);

        var post = await client.GetDocumentAsync(Seeds.Napo179);
        var target = post.One($"#{anchor}");
        Assert.Same(target, post.One($".replies #{anchor}"));
        Assert.Equal("Reply 1.3", target.One("[rel=bookmark]").Text());
        Assert.Equal("Napo only do for napo", target.One(":scope > div").Text());
    }

    [Fact]
    public async Task ExcludedWord_RemovesExactlyTheMatchesThatHoldIt()
    {
        using var wide = factory.WithSearchSetting("Search:PageSize", "100");
        var client = wide.CreateClient();

        var all = (await client.GetDocumentAsync(SearchClient.Url("probation"))).Matches();
        var without = (await client.GetDocumentAsync(SearchClient.Url("probation -napo"))).Matches();
        var with = (await client.GetDocumentAsync(SearchClient.Url("probation napo"))).Matches();

        Assert.True(all.Count < 100, "every post fits on one page");
        Assert.InRange(without.Values.Sum(m => m.Comments), 1, all.Values.Sum(m => m.Comments) - 1);
        // Each match (a post's text, or one of its comments) holds "napo" or not: the two searches split them.
        foreach (var (post, (matched, comments)) in all)
        {
            var (withoutPost, withoutComments) = without.GetValueOrDefault(post);
            var (withPost, withComments) = with.GetValueOrDefault(post);
            Assert.Equal(comments, withoutComments + withComments);
            Assert.Equal(matched, withoutPost || withPost);
            Assert.False(withoutPost && withPost);
        }

        Assert.Subset(all.Keys.ToHashSet(), without.Keys.Concat(with.Keys).ToHashSet());
    }

    [Fact]
    public async Task LabelFilter_NarrowsTheResultsToPostsWithThatLabel()
    {
        using var wide = factory.WithSearchSetting("Search:PageSize", "100");
        var client = wide.CreateClient();

        var all = await client.GetDocumentAsync(SearchClient.Url("probation"));
        var labelled = await client.GetDocumentAsync(SearchClient.Url("probation", "&label=po"));

        Assert.InRange(labelled.Total(), 1, all.Total() - 1);
        Assert.Equal("PO", labelled.One("#search-label option[selected]").GetAttribute("value"));
        var poPosts = await factory.ReadStoreAsync((db, ct) =>
            db.Posts.Where(p => p.Labels.Any(l => l.Name == "PO")).Select(p => p.Id).ToListAsync(ct));
        Assert.All(labelled.QuerySelectorAll(".search-hit"), h => Assert.Contains(int.Parse(h.GetAttribute("data-post-id")!, CultureInfo.InvariantCulture), poPosts));
        Assert.Subset(all.HitKeys().ToHashSet(), labelled.HitKeys().ToHashSet());
    }

    [Fact]
    public async Task DateRange_KeepsOnlyPostsInsideIt()
    {
        using var wide = factory.WithSearchSetting("Search:PageSize", "100");
        var client = wide.CreateClient();

        var all = await client.GetDocumentAsync(SearchClient.Url("probation"));
        var in2019 = await client.GetDocumentAsync(SearchClient.Url("probation", "&from=2019-01-01&to=2019-12-31"));

        Assert.InRange(in2019.Total(), 1, all.Total() - 1);
        Assert.All(in2019.QuerySelectorAll(".search-hit time"), t => Assert.StartsWith("2019-", t.GetAttribute("datetime"), StringComparison.Ordinal));
        Assert.Equal(in2019.Total(), in2019.QuerySelectorAll(".search-hit time").Length);
        Assert.Equal("2019-01-01", in2019.One("#search-from").GetAttribute("value"));
    }

    [Fact]
    public async Task NewestFirst_OrdersHitsByDate()
    {
        var page = await factory.CreateReader().GetDocumentAsync(SearchClient.Url("napo", "&order=newest"));

        var dates = page.QuerySelectorAll(".search-hit time").Select(t => t.GetAttribute("datetime")!).ToList();
        Assert.True(dates.Count > 2);
        Assert.Equal(dates.OrderDescending(StringComparer.Ordinal), dates);
        Assert.Equal("newest", page.One("#search-order option[selected]").GetAttribute("value"));
    }

    [Fact]
    public async Task Results_ArePagedWithLinksThatKeepTheFilters()
    {
        using var small = factory.WithSearchSetting("Search:PageSize", "3");
        var client = small.CreateClient();
        const string Filters = "&label=PO&order=newest";

        var first = await client.GetDocumentAsync(SearchClient.Url("probation", Filters));
        Assert.Equal(3, first.QuerySelectorAll(".search-hit").Length);
        Assert.Empty(first.QuerySelectorAll(".pager a.newer"));
        var next = first.One(".pager a.older").GetAttribute("href")!;
        Assert.Equal("/search?q=probation&label=PO&order=newest&page=2", next);

        var second = await client.GetDocumentAsync(next);
        Assert.Equal("4", second.One("ol.search-results").GetAttribute("start"));
        Assert.Empty(second.HitKeys().Intersect(first.HitKeys()));
        Assert.Equal("/search?q=probation&label=PO&order=newest", second.One(".pager a.newer").GetAttribute("href"));

        var pages = (first.Total() + 2) / 3;
        var past = await client.GetDocumentAsync(SearchClient.Url("probation", $"{Filters}&page={pages + 1}"), HttpStatusCode.NotFound);
        Assert.Contains($"there is no page {pages + 1}", past.One("#search-problem").Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ManyMatches_AreCountedOnlyAsFarAsAReaderMayPage()
    {
        using var small = factory.WithSearchSetting("Search:PageSize", "2");
        using var capped = small.WithWebHostBuilder(builder => builder.UseSetting("Search:MaxPage", "3"));
        var client = capped.CreateClient();

        var first = await client.GetDocumentAsync(SearchClient.Url("probation"));
        Assert.Equal("true", first.One("#search-count").GetAttribute("data-total-is-lower-bound"));
        Assert.StartsWith("More than 6 posts match probation, best match first; page 1 of 3.", first.One("#search-count").Text(), StringComparison.Ordinal);

        var last = await client.GetDocumentAsync(SearchClient.Url("probation", "&page=3"));
        Assert.Equal(2, last.QuerySelectorAll(".search-hit").Length);
        Assert.Empty(last.QuerySelectorAll(".pager a.older"));
        await client.GetDocumentAsync(SearchClient.Url("probation", "&page=4"), HttpStatusCode.BadRequest);

        var few = await client.GetDocumentAsync(SearchClient.Url("\"only do for napo\""));
        Assert.Equal("false", few.One("#search-count").GetAttribute("data-total-is-lower-bound"));
    }

    [Fact]
    public async Task NoMatch_SaysSo()
    {
        var page = await factory.CreateReader().GetDocumentAsync(SearchClient.Url("zebracorn"));

        Assert.Equal(0, page.Total());
        // The query is quoted by a <q> element: its quotation marks come from the stylesheet, not the text.
        Assert.Equal("No post or comment matches zebracorn.", page.One("#search-count").Text());
        Assert.Equal("zebracorn", page.One("#search-count q").Text());
        Assert.NotEmpty(page.QuerySelectorAll("p.empty"));
        Assert.Empty(page.QuerySelectorAll(".search-hit"));
    }

    [Fact]
    public async Task SearchBox_InTheHeaderOfEveryPage_SubmitsToTheSearchPage()
    {
        var client = factory.CreateReader();
        foreach (var url in new[] { "/", Seeds.Napo179, "/label/PO", "/labels", "/2018", "/archive", "/search" })
        {
            var page = await client.GetDocumentAsync(url);
            var form = page.One("header form[role=search]");
            Assert.Equal("/search", form.GetAttribute("action"));
            Assert.Equal("get", form.GetAttribute("method"));
            Assert.Equal("q", form.One("input[type=search]").GetAttribute("name"));
        }
    }
}
