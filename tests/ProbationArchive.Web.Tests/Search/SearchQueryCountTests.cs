using System.Net;
using ProbationArchive.Web.Tests.Support;

namespace ProbationArchive.Web.Tests.Search;

/// <summary>The search page costs a fixed number of SQL commands however many hits it finds.</summary>
public sealed class SearchQueryCountTests(ArchiveWebFactory factory) : IClassFixture<ArchiveWebFactory>
{
    [Fact]
    public async Task Search_CostsFiveCommandsForOneHitOrMany()
    {
        var client = factory.CreateReader();

        var one = await factory.CountCommandsAsync(client, SearchClient.Url("\"only do for napo\""));
        var many = await factory.CountCommandsAsync(client, SearchClient.Url("probation"));

        TestContext.Current.SendDiagnosticMessage($"Search SQL commands: 1 hit = {one}, many = {many}");
        // The label list for the form, the count, the page of hits, and the sidebar's two.
        Assert.Equal(5, one);
        Assert.Equal(5, many);
    }

    [Fact]
    public async Task RefusedSearch_CostsOnlyTheFormAndSidebar()
    {
        Assert.Equal(3, await factory.CountCommandsAsync(factory.CreateReader(), "/search?q=-napo", HttpStatusCode.BadRequest));
    }
}
