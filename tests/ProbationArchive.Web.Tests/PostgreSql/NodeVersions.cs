using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ProbationArchive.Web.Hosting;
using ProbationArchive.Web.Tests.Support;

namespace ProbationArchive.Web.Tests.PostgreSql;

/// <summary>What a node has been told of the archive's version, against what the database holds.</summary>
internal static class NodeVersions
{
    public static async Task<long> InDatabaseAsync(ArchiveWebFactory app)
    {
        long version = 0;
        await app.WithDatabaseAsync(async db => version = await db.Database
            .SqlQuery<long>($"""SELECT "Version" AS "Value" FROM "ArchiveVersion" """).SingleAsync(TestContext.Current.CancellationToken));
        return version;
    }

    /// <summary>Waits (at most 10 s, then fails) until the node's version is the database's.</summary>
    public static async Task WaitUntilCurrentAsync(ArchiveWebFactory app)
    {
        var wanted = (await InDatabaseAsync(app)).ToString(CultureInfo.InvariantCulture);
        var version = app.Services.GetRequiredService<IArchiveDataVersion>();
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        limit.CancelAfter(TimeSpan.FromSeconds(10));
        while (version.Check()?.Version != wanted)
        {
            await Task.Delay(10, limit.Token);
        }
    }
}
