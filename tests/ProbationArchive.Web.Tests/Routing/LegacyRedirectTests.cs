using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using ProbationArchive.Web.Tests.Support;

namespace ProbationArchive.Web.Tests.Routing;

/// <summary>Issue 13, point 9: Blogger's other old addresses move to their equivalents here, or say why they cannot.</summary>
public sealed class LegacyRedirectTests(ArchiveWebFactory factory)
{
    [Theory]
    [InlineData("/feeds/posts/default", "/feeds/posts.atom")]
    [InlineData("/feeds/posts/default?alt=rss", "/feeds/posts.atom")]
    [InlineData("/feeds/posts/default?alt=atom&max-results=25", "/feeds/posts.atom")]
    [InlineData("/feeds/posts/default/-/PO", "/feeds/label/PO.atom")]
    [InlineData("/feeds/posts/default/-/po", "/feeds/label/PO.atom")]
    public async Task BloggerFeeds_MovePermanentlyToTheAtomFeeds(string oldUrl, string feed)
    {
        var client = factory.CreateReader();

        Assert.Equal(feed, await RedirectAsync(client, oldUrl));
        using var followed = await client.GetAsync(new Uri(feed, UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, followed.StatusCode);
        Assert.Equal("application/atom+xml", followed.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task BloggerDateArchives_MoveToTheirMonth_ForEveryMonthWithPosts()
    {
        var client = factory.CreateReader();
        var dates = await factory.ReadStoreAsync((db, ct) => db.Posts.Where(p => p.PublishedOn != null).Select(p => p.PublishedOn!.Value).ToListAsync(ct));
        Assert.NotEmpty(dates);

        foreach (var date in dates)
        {
            var month = date.ToString("/yyyy/MM", CultureInfo.InvariantCulture);
            Assert.Equal(month, await RedirectAsync(client, Archive(date.Year, date.Month, 1)));
            // Weekly and daily archives name a day of the month; the archive's nearest page is the month.
            Assert.Equal(month, await RedirectAsync(client, Archive(date.Year, date.Month, date.Day)));
            await client.GetDocumentAsync(month);
        }
    }

    [Fact]
    public async Task BloggerDateArchive_OfAMonthWithoutPosts_IsNotFound()
    {
        var client = factory.CreateReader();
        var months = await factory.ReadStoreAsync((db, ct) => db.Posts.Where(p => p.PublishedOn != null).Select(p => p.PublishedOn!.Value).ToListAsync(ct));
        var empty = Enumerable.Range(0, 240).Select(i => new DateOnly(2010, 1, 1).AddMonths(i))
            .First(m => !months.Any(d => d.Year == m.Year && d.Month == m.Month));

        await client.GetDocumentAsync(Archive(empty.Year, empty.Month, 1), HttpStatusCode.NotFound);
        await client.GetDocumentAsync("/2018_13_01_archive.html", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task BloggerLabelFeed_OfAnUnknownLabel_IsNotFound() =>
        await factory.CreateReader().GetDocumentAsync("/feeds/posts/default/-/NoSuchLabel", HttpStatusCode.NotFound);

    [Fact]
    public async Task BloggerCommentFeed_SaysThePostIdIsNotKnown()
    {
        var page = await factory.CreateReader().GetDocumentAsync("/feeds/7592648375025812345/comments/default", HttpStatusCode.NotFound);

        Assert.Contains("No post in the archive came with that number", page.One(".blogger-comment-feed").Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownLabelInAList_IsNamed_AndTheKnownOnesLinked()
    {
        var page = await factory.CreateReader().GetDocumentAsync("/label/PO+Napo", HttpStatusCode.NotFound);

        Assert.Equal("The archive has no label Napo.", page.One(".unknown-labels").Text());
        Assert.Equal(["Napo"], page.QuerySelectorAll(".unknown-labels q").Select(q => q.Text()));
        Assert.Contains(page.QuerySelectorAll(".not-found-suggestions a"), a => a.GetAttribute("href") == "/label/PO");
    }

    [Fact]
    public async Task SeveralUnknownLabels_AreAllNamed()
    {
        var page = await factory.CreateReader().GetDocumentAsync("/label/Napo+Pay+PO+Wales", HttpStatusCode.NotFound);

        Assert.Equal("The archive has no labels Napo, Pay or Wales.", page.One(".unknown-labels").Text());
        Assert.Equal(["Napo", "Pay", "Wales"], page.QuerySelectorAll(".unknown-labels q").Select(q => q.Text()));
    }

    [Fact]
    public async Task OtherNotFoundPages_NameNoLabel()
    {
        var page = await factory.CreateReader().GetDocumentAsync("/2018/11/no-such-post", HttpStatusCode.NotFound);

        Assert.Empty(page.QuerySelectorAll(".unknown-labels, .blogger-comment-feed"));
    }

    private static string Archive(int year, int month, int day) =>
        string.Create(CultureInfo.InvariantCulture, $"/{year:D4}_{month:D2}_{day:D2}_archive.html");

    private static async Task<string?> RedirectAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == HttpStatusCode.MovedPermanently, $"GET {url}: {(int)response.StatusCode}");
        return response.Headers.Location?.OriginalString;
    }
}
