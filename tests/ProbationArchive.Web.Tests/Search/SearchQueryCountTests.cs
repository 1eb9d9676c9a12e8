using System.Net;
using ProbationArchive.Web.Tests.Support;

namespace ProbationArchive.Web.Tests.Search;

/// <summary>The search page costs a fixed number of SQL commands however many hits it finds.</summary>
public sealed class SearchQueryCountTests(ArchiveWebFactory factory) : IClassFixture<ArchiveWebFactory>
{
    [Fact]
    public async Task Search_CostsTwoCommandsForOneHitOrMany()
    {
        var client = factory.CreateReader();
        // Another search first: the form's label names are then known for this data version.
        await factory.CountCommandsAsync(client, SearchClient.Url("napo"));

        var one = await factory.CountCommandsAsync(client, SearchClient.Url("\"only do for napo\""));
        var many = await factory.CountCommandsAsync(client, SearchClient.Url("probation"));

        TestContext.Current.SendDiagnosticMessage($"Search SQL commands: 1 hit = {one}, many = {many}");
        // The count and the page of hits; the form's labels and the sidebar are known for this data version.
        Assert.Equal(2, one);
        Assert.Equal(2, many);
    }

    [Fact]
    public async Task RefusedSearch_CostsNoCommand_OnceTheFormAndSidebarAreKnown()
    {
        var client = factory.CreateReader();
        await factory.CountCommandsAsync(client, SearchClient.Url("napo"));

        Assert.Equal(0, await factory.CountCommandsAsync(client, "/search?q=-napo", HttpStatusCode.BadRequest));
    }
}
