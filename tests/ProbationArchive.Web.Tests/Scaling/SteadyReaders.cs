using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;

namespace ProbationArchive.Web.Tests.Scaling;

/// <summary>
/// Readers asking the balancer for pages one after another without a pause, until stopped. Every
/// answer is kept: its status (or the exception that took its place), the nodes nginx tried for it
/// (<see cref="NginxBalancer.NodeHeader"/>), and when it was asked (<see cref="Stopwatch.GetTimestamp"/>).
/// A request is never cancelled: one in flight when the readers stop is waited for.
/// </summary>
internal sealed class SteadyReaders(Uri balancer, IReadOnlyList<string> pages, int readers)
{
    private readonly ConcurrentQueue<Answer> _answers = new();
    public IReadOnlyCollection<Answer> Answers => _answers;

    public int Served(string node) => _answers.Count(a => a.Nodes == node);

    public int AskedAfter(long timestamp) => _answers.Count(a => a.Asked > timestamp);

    public async Task RunAsync(CancellationToken stop)
    {
        using var client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false }) { BaseAddress = balancer, Timeout = TimeSpan.FromSeconds(10) };
        await Task.WhenAll(Enumerable.Range(0, readers).Select(reader => Task.Run(() => ReadAsync(client, reader, stop), CancellationToken.None)));
    }

    private async Task ReadAsync(HttpClient client, int reader, CancellationToken stop)
    {
        for (var i = reader; !stop.IsCancellationRequested; i++)
        {
            var page = pages[i % pages.Count];
            var asked = Stopwatch.GetTimestamp();
            try
            {
                using var response = await client.GetAsync(new Uri(page, UriKind.Relative), CancellationToken.None);
                // Read to the end: a body cut short by the kill is a failed request too.
                _ = await response.Content.ReadAsByteArrayAsync(CancellationToken.None);
                var nodes = response.Headers.TryGetValues(NginxBalancer.NodeHeader, out var values) ? string.Join(", ", values) : null;
                _answers.Enqueue(new Answer(page, asked, response.StatusCode, nodes, Failure: null));
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
            {
                _answers.Enqueue(new Answer(page, asked, Status: null, Nodes: null, e.Message));
            }
        }
    }

    /// <param name="Nodes">The nodes nginx tried, in order ("127.0.0.1:5001, 127.0.0.1:5002" when it passed the request on).</param>
    internal sealed record Answer(string Page, long Asked, HttpStatusCode? Status, string? Nodes, string? Failure)
    {
        public override string ToString() => $"{Page} at {Asked}: {(Status is { } status ? ((int)status).ToString(System.Globalization.CultureInfo.InvariantCulture) : Failure)} from {Nodes ?? "no node"}";
    }
}
