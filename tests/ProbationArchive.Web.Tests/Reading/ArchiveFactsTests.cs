using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ProbationArchive.Core.Archive;
using ProbationArchive.Web.Reading;
using ProbationArchive.Web.Tests.Support;

namespace ProbationArchive.Web.Tests.Reading;

/// <summary>
/// Issue 12: what does not change between imports is computed once per data version, and a change
/// to the archive is still visible on the next request.
/// </summary>
public sealed class ArchiveFactsTests(ArchiveWebFactory factory) : IClassFixture<ArchiveWebFactory>
{
    [Fact]
    public async Task TheSidebarLabelsChartsAndNewestPosts_AreComputedOnce_ThenCostNoCommand()
    {
        var client = factory.CreateReader();
        // The class's other tests may have computed the facts already; a change to the store
        // starts a new data version, whose facts nobody has asked for yet.
        await factory.WithDatabaseAsync(async db =>
        {
            db.Labels.Add(new Label { Name = "A label no post has" });
            await db.SaveChangesAsync();
        });

        var first = await factory.CountCommandsAsync(client, "/labels");
        var second = await factory.CountCommandsAsync(client, "/labels?sort=count");
        var overview = await factory.CountCommandsAsync(client, "/archive");
        var overviewAgain = await factory.CountCommandsAsync(client, "/archive?from=facts");

        // The summary's two grouped queries once; the chart's one once.
        Assert.Equal(2, first);
        Assert.Equal(0, second);
        Assert.Equal(1, overview);
        Assert.Equal(0, overviewAgain);
    }

    [Fact]
    public async Task APostAddedToTheStore_IsInTheSidebarLabelsChartAndNewestPosts_OnTheNextRequest()
    {
        var client = factory.CreateReader();
        var before = await client.GetDocumentAsync("/labels");
        var poBefore = Count(before.One(".label-table a[href='/label/PO']").ParentElement!.ParentElement!.One(".numeric").Text());
        await client.GetDocumentAsync("/archive");
        await client.GetDocumentAsync("/");

        await factory.WithDatabaseAsync(async db =>
        {
            var po = await db.Labels.SingleAsync(l => l.Name == "PO");
            var post = new Post
            {
                IdentityKey = "test|facts",
                Title = "A post after the facts",
                PublishedOn = new DateOnly(2030, 6, 1),
                Slug = "after-the-facts",
                Permalink = "2030/06/after-the-facts",
                Body = "New.",
            };
            post.Labels.Add(po);
            post.Comments.Add(new Comment { Position = 0, ThreadPath = "1", Text = "A comment." });
            db.Posts.Add(post);
            await db.SaveChangesAsync();
        });

        var labels = await client.GetDocumentAsync("/labels");
        Assert.Equal(poBefore + 1, Count(labels.One(".label-table a[href='/label/PO']").ParentElement!.ParentElement!.One(".numeric").Text()));
        Assert.Contains("2030", labels.One(".archive-tree").Text(), StringComparison.Ordinal);
        var home = await client.GetDocumentAsync("/");
        Assert.Equal("A post after the facts", home.QuerySelectorAll(".post-summary-title a")[0].Text());
        var overview = await client.GetDocumentAsync("/archive");
        Assert.Equal("1", overview.One(".activity-table tr[data-month='2030-06'] td.posts").Text());
    }

    [Fact]
    public async Task AFailedComputation_IsNotKept_AndASuccessfulOneIs()
    {
        var facts = factory.Services.GetRequiredService<ArchiveFacts>();
        var calls = 0;
        var ct = TestContext.Current.CancellationToken;

        await Assert.ThrowsAsync<InvalidOperationException>(() => facts.GetAsync<string>("test-fact", (_, _) => throw new InvalidOperationException("store busy"), ct));
        var first = await facts.GetAsync("test-fact", (_, _) => Task.FromResult($"computed {++calls}"), ct);
        var second = await facts.GetAsync("test-fact", (_, _) => Task.FromResult($"computed {++calls}"), ct);

        Assert.Equal("computed 1", first);
        Assert.Equal("computed 1", second);
        Assert.Equal(1, calls);
    }

    private static int Count(string text) => int.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
}
