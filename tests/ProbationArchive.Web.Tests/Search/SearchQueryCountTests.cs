using ProbationArchive.Web.Tests.Support;

namespace ProbationArchive.Web.Tests.Search;

/// <summary>
/// The search page costs a fixed number of SQL commands however many hits it finds, and is never
/// answered from the output cache (each request runs the search again).
/// </summary>
public sealed class SearchQueryCountTests(ArchiveWebFactory factory) : IClassFixture<ArchiveWebFactory>
{
    [Fact]
    public async Task Search_CostsFiveCommandsForOneHitOrMany_EveryTime()
    {
        var client = factory.CreateReader();

        var one = await CountCommandsAsync(client, SearchClient.Url("\"only do for napo\""));
        var many = await CountCommandsAsync(client, SearchClient.Url("probation"));
        var again = await CountCommandsAsync(client, SearchClient.Url("probation"));

        TestContext.Current.SendDiagnosticMessage($"Search SQL commands: 1 hit = {one}, many = {many}, the same again = {again}");
        // The label list for the form, the count, the page of hits, and the sidebar's two.
        Assert.Equal(5, one);
        Assert.Equal(5, many);
        Assert.Equal(5, again);
    }

    [Fact]
    public async Task RefusedSearch_CostsOnlyTheFormAndSidebar()
    {
        Assert.Equal(3, await CountCommandsAsync(factory.CreateReader(), "/search?q=-napo"));
    }

    private async Task<int> CountCommandsAsync(HttpClient client, string url)
    {
        factory.Commands.Reset();
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative), TestContext.Current.CancellationToken);
        _ = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        return factory.Commands.Count;
    }
}
