using ProbationArchive.Web.Tests.Support;

namespace ProbationArchive.Web.Tests.Pages;

public class ListPageTests(ArchiveWebFactory factory)
{
    [Fact]
    public async Task Home_ListsEveryPostNewestFirstWithUndatedLast()
    {
        var page = await factory.CreateReader().GetDocumentAsync("/");

        var posts = page.QuerySelectorAll("main .post-summary");
        Assert.Equal(10, posts.Length);
        var dates = posts.Select(p => p.QuerySelector("time")?.GetAttribute("datetime")).ToList();
        Assert.Equal(dates.Take(9).OrderDescending(StringComparer.Ordinal), dates.Take(9));
        Assert.Null(dates[9]);
        Assert.Equal("Date unknown", posts[9].One(".date-unknown").Text());
        Assert.Equal("(derived title)", posts[9].One(".derived-title-mark").Text());
        Assert.Empty(page.QuerySelectorAll("nav.pager"));
    }

    [Fact]
    public async Task Home_EntriesShowExcerptLabelsAndCommentCount()
    {
        var page = await factory.CreateReader().GetDocumentAsync("/");

        var napo = page.QuerySelectorAll(".post-summary").Single(p => p.One("h2 a").Text() == "Latest From Napo 179");
        Assert.Equal(Seeds.Napo179, napo.One("h2 a").GetAttribute("href"));
        Assert.Equal("14 comments on Latest From Napo 179", napo.One("a.comment-count").Text());
        Assert.Equal(Seeds.Napo179 + "#comments", napo.One("a.comment-count").GetAttribute("href"));
        Assert.StartsWith("I've just noticed that the last time", napo.One(".excerpt").Text(), StringComparison.Ordinal);
        Assert.EndsWith("…", napo.One(".excerpt").Text(), StringComparison.Ordinal);

        var labelled = page.QuerySelectorAll(".post-summary").First(p => p.One("h2 a").Text() == "Reviews");
        Assert.Equal("/label/PO", labelled.One(".post-labels a").GetAttribute("href"));
    }

    [Fact]
    public async Task Home_PagesLinkNewerAndOlder()
    {
        using var small = factory.WithPageSize(4);
        var client = small.CreateClient();

        var first = await client.GetDocumentAsync("/");
        Assert.Equal(4, first.QuerySelectorAll(".post-summary").Length);
        Assert.Empty(first.QuerySelectorAll(".pager a.newer"));
        Assert.Equal("/?page=2", first.One(".pager a.older").GetAttribute("href"));

        var second = await client.GetDocumentAsync("/?page=2");
        Assert.Equal("/", second.One(".pager a.newer").GetAttribute("href"));
        Assert.Equal("/?page=3", second.One(".pager a.older").GetAttribute("href"));

        var last = await client.GetDocumentAsync("/?page=3");
        Assert.Equal(2, last.QuerySelectorAll(".post-summary").Length);
        Assert.Empty(last.QuerySelectorAll(".pager a.older"));

        await client.GetDocumentAsync("/?page=4", System.Net.HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task LabelPage_ListsItsSixPostsNewestFirst()
    {
        var page = await factory.CreateReader().GetDocumentAsync("/label/PO");

        Assert.Equal("Showing posts with label PO", page.One("main h1").Text());
        var posts = page.QuerySelectorAll("main .post-summary");
        Assert.Equal(Seeds.PoTitlesNewestFirst, posts.Select(p => p.One("h2 a").Text()));
        var dates = posts.Select(p => p.One("time").GetAttribute("datetime")).ToList();
        Assert.Equal(dates.OrderDescending(StringComparer.Ordinal), dates);
    }

    [Fact]
    public async Task LabelPage_IsPaged()
    {
        using var small = factory.WithPageSize(4);
        var client = small.CreateClient();

        var second = await client.GetDocumentAsync("/label/PO?page=2");
        Assert.Equal(Seeds.PoTitlesNewestFirst[4..], second.QuerySelectorAll(".post-summary h2 a").Select(a => a.Text()));
        Assert.Equal("/label/PO", second.One(".pager a.newer").GetAttribute("href"));
    }

    [Fact]
    public async Task LabelsPage_ListsLabelsWithCountsSortableByNameOrCount()
    {
        var byName = await factory.CreateReader().GetDocumentAsync("/labels");
        var row = byName.One(".label-table tbody tr");
        Assert.Equal("/label/PO", row.One("a").GetAttribute("href"));
        Assert.Equal("6", row.One("td.numeric").Text());
        Assert.Equal("ascending", byName.QuerySelectorAll(".label-table th")[0].GetAttribute("aria-sort"));

        var byCount = await factory.CreateReader().GetDocumentAsync("/labels?sort=count");
        Assert.Equal("descending", byCount.QuerySelectorAll(".label-table th")[1].GetAttribute("aria-sort"));
        Assert.Equal("/labels?sort=count", byCount.QuerySelectorAll(".label-table th a")[1].GetAttribute("href"));
    }

    [Theory]
    [InlineData("/2018", "Posts from 2018", new[] { "Latest From Napo 179", "Napo at Work in the South West 17" })]
    [InlineData("/2018/11", "Posts from November 2018", new[] { "Latest From Napo 179" })]
    [InlineData("/2019", "Posts from 2019", new[] { "Reunification Is Coming!", "Probation as a Job" })]
    public async Task DateArchives_ListThatPeriodsPostsNewestFirst(string url, string heading, string[] titles)
    {
        var page = await factory.CreateReader().GetDocumentAsync(url);

        Assert.Equal(heading, page.One("main h1").Text());
        Assert.Equal(titles, page.QuerySelectorAll("main .post-summary h2 a").Select(a => a.Text()));
    }

    [Fact]
    public async Task UndatedArchive_ListsTheUndatedPost()
    {
        var page = await factory.CreateReader().GetDocumentAsync("/undated");

        Assert.Equal(Seeds.Undated, page.One("main .post-summary h2 a").GetAttribute("href"));
    }

    [Theory]
    [InlineData("/")]
    [InlineData(Seeds.Napo179)]
    [InlineData("/label/PO")]
    [InlineData("/labels")]
    [InlineData("/2018")]
    [InlineData("/no-such-page")]
    public async Task EveryPage_HasTheArchiveTreeAndLabelList(string url)
    {
        var client = factory.CreateReader();
        var page = url == "/no-such-page"
            ? await client.GetDocumentAsync(url, System.Net.HttpStatusCode.NotFound)
            : await client.GetDocumentAsync(url);

        var years = page.QuerySelectorAll(".archive-tree .archive-year");
        Assert.Equal(["2023 (1)", "2021 (1)", "2019 (2)", "2018 (2)", "2017 (1)", "2016 (1)", "2015 (1)"], years.Select(y => y.One("summary").Text()));
        var months2019 = years[2].QuerySelectorAll(".archive-month");
        Assert.Equal(["April (1)", "March (1)"], months2019.Select(m => m.Text()));
        Assert.Equal("/2019/04", months2019[0].One("a").GetAttribute("href"));
        Assert.Equal("Date unknown (1)", page.One(".archive-tree .archive-undated").Text());
        Assert.Equal("PO (6)", page.One(".label-list li").Text());
        Assert.Equal("/search", page.One("header form[role=search]").GetAttribute("action"));
        Assert.Equal("q", page.One("header form[role=search] input[type=search]").GetAttribute("name"));
    }

    [Fact]
    public async Task ArchiveTree_OpensTheYearBeingRead()
    {
        var page = await factory.CreateReader().GetDocumentAsync("/2018/11");

        var open = page.QuerySelectorAll(".archive-year details[open]");
        Assert.Equal(["2018 (2)"], open.Select(d => d.One("summary").Text()));
        Assert.Equal("/2018", open[0].One(".archive-whole-year a").GetAttribute("href"));
    }
}
