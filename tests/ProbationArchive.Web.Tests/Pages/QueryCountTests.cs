using ProbationArchive.Web.Tests.Support;

namespace ProbationArchive.Web.Tests.Pages;

/// <summary>A page costs the same number of SQL commands however many comments or posts it shows.</summary>
public sealed class QueryCountTests(ConstructedArchiveFactory factory) : IClassFixture<ConstructedArchiveFactory>
{
    [Fact]
    public async Task PostPage_CostsTheSameCommandsForOneThreadAndForThirty()
    {
        var client = factory.CreateReader();
        var oneThread = await factory.CountCommandsOnceFactsAreKnownAsync(client, ConstructedArchiveFactory.OneThread);
        var thirtyThreads = await factory.CountCommandsOnceFactsAreKnownAsync(client, ConstructedArchiveFactory.ThirtyThreads);

        var page = await client.GetDocumentAsync(ConstructedArchiveFactory.ThirtyThreads);
        Assert.Equal(30, page.QuerySelectorAll("#comments .threads > li").Length);
        Assert.Equal(60, page.QuerySelectorAll("#comments .replies article").Length);
        TestContext.Current.SendDiagnosticMessage($"Post page SQL commands: 1 thread = {oneThread}, 30 threads = {thirtyThreads}");
        Assert.Equal(oneThread, thirtyThreads);
        // The post, its labels, its sources, its comments, newer and older neighbours; the sidebar is known for this data version.
        Assert.Equal(6, thirtyThreads);
    }

    [Theory]
    [InlineData("/", 0)]
    [InlineData("/?page=2", 2)]
    [InlineData("/label/PO", 3)]
    [InlineData("/label/PO+Napo", 3)]
    [InlineData("/labels", 0)]
    [InlineData("/2001", 2)]
    [InlineData("/2001/02", 2)]
    [InlineData("/undated", 2)]
    [InlineData("/archive", 0)]
    public async Task ListPages_CostTheSameCommandsForTwoPostsAPageAndForTen(string url, int expected)
    {
        using var twoAPage = factory.WithPageSize(2);

        var ten = await factory.CountCommandsOnceFactsAreKnownAsync(factory.CreateReader(), url);
        var two = await factory.CountCommandsOnceFactsAreKnownAsync(twoAPage.CreateClient(), url);

        TestContext.Current.SendDiagnosticMessage($"{url}: {ten} SQL commands at 10 posts a page, {two} at 2");
        Assert.Equal(ten, two);
        // The list (its posts with comment counts, then their labels), and for labels the label lookup. The
        // sidebar, the charts' figures and the first page of newest posts are known for this data version.
        Assert.Equal(expected, ten);
    }
}
