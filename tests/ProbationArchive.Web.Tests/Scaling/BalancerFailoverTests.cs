using System.Diagnostics;
using System.Net;
using ProbationArchive.TestSupport;
using ProbationArchive.Web.Tests.Support;

namespace ProbationArchive.Web.Tests.Scaling;

/// <summary>
/// Losing a node (docs/SCALING.md): two real app processes on one PostgreSQL database behind
/// Debian's nginx, readers asking all the while; one node is killed with SIGKILL, and nginx passes
/// what could not reach it to the other and then leaves it out. No reader sees a failed request.
/// PostgreSQL, not a shared SQLite file, because that is the deployment several nodes are for:
/// SQLite's data version is per process and its file on one machine.
/// </summary>
[Trait("Provider", "PostgreSQL")]
public sealed class BalancerFailoverTests
{
    private static readonly string[] Pages = ["/", Seeds.Napo179, "/labels", "/archive", Seeds.NapoOnTheCase, "/label/PO"];

    private readonly string _nginx = NginxBalancer.Require();
    private readonly string _postgres = PostgreSqlTestDatabase.RequireServer();

    [Fact]
    public async Task ANodeKilledWhileReadersRead_CostsNoRequest_TheBalancerServesFromTheOther()
    {
        var database = await PostgreSqlTestDatabase.CreateAsync();
        try
        {
            await using var first = NodeProcess.Start(database, importSeeds: true);
            await using var second = NodeProcess.Start(database, importSeeds: false);
            await Task.WhenAll(first.WaitUntilReadyAsync(TimeSpan.FromSeconds(60)), second.WaitUntilReadyAsync(TimeSpan.FromSeconds(60)));
            await using var balancer = await NginxBalancer.StartAsync(_nginx, [first.Address, second.Address]);
            var readers = new SteadyReaders(balancer.BaseAddress, Pages, readers: 4);
            using var stop = new CancellationTokenSource();
            var reading = readers.RunAsync(stop.Token);
            long killed, dead;
            try
            {
                await WaitForAsync(() => readers.Served(first.Address) >= 20 && readers.Served(second.Address) >= 20, "both nodes to serve 20 requests", readers);

                killed = Stopwatch.GetTimestamp();
                second.Kill();
                dead = Stopwatch.GetTimestamp();
                await Task.Delay(TimeSpan.FromSeconds(2), TestContext.Current.CancellationToken);
                await WaitForAsync(() => readers.AskedAfter(dead) >= 100, "100 answers after the kill", readers);
            }
            finally
            {
                await stop.CancelAsync();
                await reading;
            }

            var answers = readers.Answers;
            var failed = answers.Where(a => a.Status != HttpStatusCode.OK).ToList();
            Assert.True(failed.Count == 0, $"{failed.Count} of {answers.Count} requests failed:\n{string.Join('\n', failed.Take(10))}\nnginx:\n{balancer.ErrorLog()}");
            var beforeKill = answers.Where(a => a.Asked < killed).ToList();
            Assert.Contains(beforeKill, a => a.Nodes == first.Address);
            Assert.Contains(beforeKill, a => a.Nodes == second.Address);
            // Asked once the node was gone (those asked while it was being killed may have been answered by either).
            var afterKill = answers.Where(a => a.Asked > dead).ToList();
            // What nginx sent to the dead node, it passed to the live one (perhaps one asked while the
            // node was being killed): the proof that the kill was met under load, not missed.
            Assert.True(
                answers.Any(a => a.Nodes == $"{second.Address}, {first.Address}"),
                $"no request was passed from the killed node to the other, so the kill was never met under load; the first answers after it:\n{string.Join('\n', afterKill.OrderBy(a => a.Asked).Take(5))}");
            Assert.All(afterKill, a => Assert.EndsWith(first.Address, a.Nodes, StringComparison.Ordinal));
        }
        finally
        {
            await PostgreSqlTestDatabase.DropAsync(database);
        }
    }

    /// <summary>Polls until <paramref name="done"/> (at most 15 s, then fails saying what it waited for).</summary>
    private static async Task WaitForAsync(Func<bool> done, string what, SteadyReaders readers)
    {
        var waited = Stopwatch.StartNew();
        while (!done())
        {
            Assert.True(waited.Elapsed < TimeSpan.FromSeconds(15), $"waited 15 s for {what}; answers so far:\n{string.Join('\n', readers.Answers.TakeLast(10))}");
            await Task.Delay(20, TestContext.Current.CancellationToken);
        }
    }
}
