using System.Globalization;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using ProbationArchive.Core.Archive;
using ProbationArchive.Web.Tests.Support;

namespace ProbationArchive.Web.Tests.Charts;

/// <summary>
/// The activity charts' figures (the table and the bars) equal counts worked out here from the
/// store, in memory, independently of the page's grouped query.
/// </summary>
public sealed class ActivityChartTests(ArchiveWebFactory factory)
{
    [Fact]
    public async Task Overview_ShowsEveryMonthFromFirstPostToLast_WithTheStoresCounts()
    {
        var page = await factory.CreateReader().GetDocumentAsync("/archive");

        var expected = await ExpectedAsync(posts => posts);
        var figures = Figures(page);
        var months = expected.Keys.Order(StringComparer.Ordinal).ToList();
        Assert.Equal(months[0], figures.Keys.First());
        Assert.Equal(months[^1], figures.Keys.Last());
        AssertFigures(expected, figures);
        AssertBarsMatchTable(page, figures);
    }

    [Fact]
    public async Task YearPage_ShowsItsTwelveMonths_WithTheStoresCounts()
    {
        var page = await factory.CreateReader().GetDocumentAsync("/2018");

        var expected = await ExpectedAsync(posts => posts.Where(p => p.PublishedOn >= new DateOnly(2018, 1, 1) && p.PublishedOn < new DateOnly(2019, 1, 1)));
        var figures = Figures(page);
        Assert.Equal(Enumerable.Range(1, 12).Select(m => $"2018-{m:D2}"), figures.Keys);
        Assert.Equal(14, figures["2018-11"].Comments);
        AssertFigures(expected, figures);
        AssertBarsMatchTable(page, figures);
    }

    [Fact]
    public async Task LabelPage_ShowsThatLabelsActivityOverTime()
    {
        var page = await factory.CreateReader().GetDocumentAsync("/label/PO");

        var expected = await ExpectedAsync(posts => posts.Where(p => p.Labels.Any(l => l.Name == "PO")));
        var figures = Figures(page);
        Assert.Equal(6, figures.Values.Sum(f => f.Posts));
        AssertFigures(expected, figures);
        Assert.Equal(figures.Select(f => (f.Key, f.Value.Posts)), Bars(page, "chart-posts"));
        Assert.Equal("/feeds/label/PO.atom", page.One(".feed-link a").GetAttribute("href"));
    }

    [Fact]
    public async Task LabelWhosePostsHaveNoSavedComments_LeavesOutTheEmptyCommentsPanel()
    {
        var page = await factory.CreateReader().GetDocumentAsync("/label/PO");

        // The PO posts are known only from the label page: the store has no comment on any of them.
        var expected = await ExpectedAsync(posts => posts.Where(p => p.Labels.Any(l => l.Name == "PO")));
        Assert.All(expected.Values, counts => Assert.Equal(0, counts.Comments));
        Assert.Empty(page.QuerySelectorAll("svg .chart-comments"));
        Assert.Single(page.QuerySelectorAll("svg .chart-panel"));
        Assert.StartsWith("Posts per month with label PO", page.One("figure.activity figcaption").Text(), StringComparison.Ordinal);
        Assert.Equal(["Month", "Posts"], page.QuerySelectorAll("table.activity-table thead th").Select(th => th.Text()));
        Assert.Empty(page.QuerySelectorAll("table.activity-table td.comments"));
        // The drawing is only as tall as its one panel.
        var height = double.Parse(page.One("svg.activity-chart").GetAttribute("viewBox")!.Split(' ')[3], CultureInfo.InvariantCulture);
        var overview = await factory.CreateReader().GetDocumentAsync("/archive");
        Assert.True(height < double.Parse(overview.One("svg.activity-chart").GetAttribute("viewBox")!.Split(' ')[3], CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("/archive", true)]
    [InlineData("/2018", true)]
    [InlineData("/label/PO", false)]
    public async Task Chart_IsAnImageWithANameAndATableAlternative_WithoutInlineStyle(string url, bool hasComments)
    {
        var page = await factory.CreateReader().GetDocumentAsync(url);

        var svg = page.One("figure.activity svg");
        Assert.Equal("img", svg.GetAttribute("role"));
        var names = svg.GetAttribute("aria-labelledby")!.Split(' ');
        Assert.Equal(["title", "desc"], names.Select(id => page.GetElementById(id)!.LocalName));
        Assert.NotEmpty(page.One("table.activity-table caption").Text());
        Assert.Equal(hasComments ? ["Month", "Posts", "Comments"] : ["Month", "Posts"], page.QuerySelectorAll("table.activity-table thead th[scope=col]").Select(th => th.Text()));
        Assert.All(page.QuerySelectorAll("table.activity-table tbody tr"), tr => Assert.Equal("row", tr.One("th").GetAttribute("scope")));
        Assert.Empty(page.QuerySelectorAll("style, [style], script"));
    }

    [Fact]
    public async Task MonthPage_HasNoChart()
    {
        var page = await factory.CreateReader().GetDocumentAsync("/2018/11");

        Assert.Empty(page.QuerySelectorAll("figure.activity"));
    }

    /// <summary>Posts and comments per "yyyy-MM", counted in memory from plain rows of the store.</summary>
    private async Task<Dictionary<string, (int Posts, int Comments)>> ExpectedAsync(Func<IQueryable<Post>, IQueryable<Post>> filter)
    {
        var posts = await factory.ReadStoreAsync((db, ct) => filter(db.Posts).Where(p => p.PublishedOn != null)
            .Select(p => new { p.Id, Date = p.PublishedOn!.Value }).ToListAsync(ct));
        var commentPostIds = await factory.ReadStoreAsync((db, ct) => db.Comments.Select(c => c.PostId).ToListAsync(ct));
        var commentsPerPost = commentPostIds.CountBy(id => id).ToDictionary();
        return posts.GroupBy(p => p.Date.ToString("yyyy-MM", CultureInfo.InvariantCulture))
            .ToDictionary(g => g.Key, g => (g.Count(), g.Sum(p => commentsPerPost.GetValueOrDefault(p.Id))));
    }

    private static Dictionary<string, (int Posts, int Comments)> Figures(IDocument page) =>
        page.QuerySelectorAll("table.activity-table tbody tr").ToDictionary(
            tr => tr.GetAttribute("data-month")!,
            // A chart without a comments column has no comment to show: the store's figure is zero.
            tr => (Number(tr.One("td.posts")), tr.QuerySelector("td.comments") is { } comments ? Number(comments) : 0));

    /// <summary>Months with posts have the store's figures; every other month shown is zero.</summary>
    private static void AssertFigures(Dictionary<string, (int Posts, int Comments)> expected, Dictionary<string, (int Posts, int Comments)> figures)
    {
        Assert.Subset(figures.Keys.ToHashSet(), expected.Keys.ToHashSet());
        foreach (var (month, counts) in figures)
        {
            Assert.Equal(expected.GetValueOrDefault(month), counts);
        }
    }

    private static void AssertBarsMatchTable(IDocument page, Dictionary<string, (int Posts, int Comments)> figures)
    {
        Assert.Equal(figures.Select(f => (f.Key, f.Value.Posts)), Bars(page, "chart-posts"));
        Assert.Equal(figures.Select(f => (f.Key, f.Value.Comments)), Bars(page, "chart-comments"));
    }

    private static IEnumerable<(string, int)> Bars(IDocument page, string panel) =>
        page.QuerySelectorAll($"svg .{panel} rect.chart-bar").Select(r =>
            (r.GetAttribute("data-month")!, int.Parse(r.GetAttribute("data-value")!, CultureInfo.InvariantCulture)));

    private static int Number(IElement cell) => int.Parse(cell.Text(), CultureInfo.InvariantCulture);
}
