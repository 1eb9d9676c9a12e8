using ProbationArchive.TestSupport;
using ProbationArchive.Web.Tests.Reliability;
using ProbationArchive.Web.Tests.Support;

namespace ProbationArchive.Web.Tests.PostgreSql;

/// <summary>
/// Two app nodes on one PostgreSQL database, each with its own output cache: an import by the
/// import command (a third process) reaches both, which then render the new data instead of
/// their cached pages.
/// </summary>
[Trait("Provider", "PostgreSQL")]
public sealed class TwoNodesTests
{
    private readonly string _server = PostgreSqlTestDatabase.RequireServer();

    [Fact]
    public async Task AnImportByTheCommand_ReachesEveryNode_PastItsCache()
    {
        await using var first = new PostgreSqlArchiveWebFactory();
        await using var second = new SecondNodeFactory(first);
        // The first node seeds the empty archive as it starts; the second finds it filled.
        var clients = new[] { first.CreateReader(), second.CreateReader() };
        var corpus = new ReadingCorpus(posts: 3);
        var pages = Path.Combine(first.Folder, "pages");
        var post = ReadingCorpus.Address(1);

        corpus.Write(pages, version: 1);
        await ImportAsync(first, pages);
        foreach (var (node, client) in new[] { first, second }.Zip(clients))
        {
            await NodeVersions.WaitUntilCurrentAsync(node);
            Assert.Contains(", version 1.", (await client.GetDocumentAsync(post)).One("#comments").Text(), StringComparison.Ordinal);
            Assert.Equal(0, await node.CountCommandsAsync(client, post));
        }

        corpus.Write(pages, version: 2);
        await ImportAsync(second, pages);

        foreach (var (node, client) in new[] { first, second }.Zip(clients))
        {
            await NodeVersions.WaitUntilCurrentAsync(node);
            var comments = (await client.GetDocumentAsync(post)).One("#comments").Text();
            Assert.Contains(", version 2.", comments, StringComparison.Ordinal);
            Assert.DoesNotContain(", version 1.", comments, StringComparison.Ordinal);
        }

        foreach (var client in clients)
        {
            client.Dispose();
        }
    }

    private static async Task ImportAsync(ArchiveWebFactory node, string pages)
    {
        var (exitCode, output) = await ImportProcess.RunAsync(node, pages);
        Assert.True(exitCode == 0, output);
    }
}
