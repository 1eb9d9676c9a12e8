using System.Net;
using ProbationArchive.Web.Tests.Support;

namespace ProbationArchive.Web.Tests.Search;

/// <summary>The search page costs a fixed number of SQL commands however many hits it finds.</summary>
public sealed class SearchQueryCountTests(ArchiveWebFactory factory) : IClassFixture<ArchiveWebFactory>
{
    [Fact]
    public async Task Search_CostsOneCommandForOneHitOrMany_AndTwoForNone()
    {
        var client = factory.CreateReader();
        // Another search first: the form's label names are then known for this data version.
        await factory.CountCommandsAsync(client, SearchClient.Url("napo"));

        var one = await factory.CountCommandsAsync(client, SearchClient.Url("\"only do for napo\""));
        var many = await factory.CountCommandsAsync(client, SearchClient.Url("probation"));
        var none = await factory.CountCommandsAsync(client, SearchClient.Url("zzyzxnotaword"));

        TestContext.Current.SendDiagnosticMessage($"Search SQL commands: 1 hit = {one}, many = {many}, none = {none}");
        // The page of hits carries the count; the form's labels and the sidebar are known for this data version.
        Assert.Equal(1, one);
        Assert.Equal(1, many);
        // No row to carry the count (or the index's state): it is asked for on its own.
        Assert.Equal(2, none);
    }

    [Fact]
    public async Task RefusedSearch_CostsNoCommand_OnceTheFormAndSidebarAreKnown()
    {
        var client = factory.CreateReader();
        await factory.CountCommandsAsync(client, SearchClient.Url("napo"));

        Assert.Equal(0, await factory.CountCommandsAsync(client, "/search?q=-napo", HttpStatusCode.BadRequest));
    }
}
