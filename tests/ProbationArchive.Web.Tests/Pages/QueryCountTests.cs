using ProbationArchive.Web.Tests.Support;

namespace ProbationArchive.Web.Tests.Pages;

/// <summary>A page costs the same number of SQL commands however many comments or posts it shows.</summary>
public sealed class QueryCountTests(ConstructedArchiveFactory factory) : IClassFixture<ConstructedArchiveFactory>
{
    [Fact]
    public async Task PostPage_CostsTheSameCommandsForOneThreadAndForThirty()
    {
        var client = factory.CreateReader();
        var oneThread = await factory.CountCommandsAsync(client, ConstructedArchiveFactory.OneThread);
        var thirtyThreads = await factory.CountCommandsAsync(client, ConstructedArchiveFactory.ThirtyThreads);

        var page = await client.GetDocumentAsync(ConstructedArchiveFactory.ThirtyThreads);
        Assert.Equal(30, page.QuerySelectorAll("#comments .threads > li").Length);
        Assert.Equal(60, page.QuerySelectorAll("#comments .replies article").Length);
        TestContext.Current.SendDiagnosticMessage($"Post page SQL commands: 1 thread = {oneThread}, 30 threads = {thirtyThreads}");
        Assert.Equal(oneThread, thirtyThreads);
        // The post, its comments, newer and older neighbours, and the sidebar's two.
        Assert.Equal(6, thirtyThreads);
    }

    [Theory]
    [InlineData("/", 3)]
    [InlineData("/label/PO", 5)]
    [InlineData("/label/PO+Napo", 5)]
    [InlineData("/labels", 3)]
    [InlineData("/2001", 4)]
    [InlineData("/2001/02", 3)]
    [InlineData("/undated", 3)]
    [InlineData("/archive", 3)]
    public async Task ListPages_CostTheSameCommandsForTwoPostsAPageAndForTen(string url, int expected)
    {
        using var twoAPage = factory.WithPageSize(2);

        var ten = await factory.CountCommandsAsync(factory.CreateReader(), url);
        var two = await factory.CountCommandsAsync(twoAPage.CreateClient(), url);

        TestContext.Current.SendDiagnosticMessage($"{url}: {ten} SQL commands at 10 posts a page, {two} at 2");
        Assert.Equal(ten, two);
        // The list (one statement with labels and comment counts), the sidebar's two, for labels the label
        // lookup, and for labels and years the activity chart's grouped query.
        Assert.Equal(expected, ten);
    }
}
