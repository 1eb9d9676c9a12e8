using System.Diagnostics;
using System.Net;
using ProbationArchive.Web.Tests.Reliability;

namespace ProbationArchive.Web.Tests.Scaling;

/// <summary>
/// The app as a process of its own (<c>dotnet ProbationArchive.Web.dll --urls …</c>, the web
/// project's build output) on a free loopback port, as a node behind a balancer runs it, over
/// PostgreSQL. Disposing kills it if it still runs, so a failing test leaves no node behind.
/// </summary>
internal sealed class NodeProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly Queue<string> _output = new();

    private NodeProcess(Process process, int port)
    {
        _process = process;
        Port = port;
    }

    public int Port { get; }

    /// <summary>host:port, as nginx's upstream block and its <c>$upstream_addr</c> write it.</summary>
    public string Address => $"127.0.0.1:{Port}";

    /// <summary>The node's last lines of output, for failure messages.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return string.Join('\n', _output);
            }
        }
    }

    /// <param name="connectionString">The PostgreSQL archive every node shares.</param>
    /// <param name="importSeeds">Fill the empty archive from the built-in seeds at start: one node only, so two never import at once.</param>
    public static NodeProcess Start(string connectionString, bool importSeeds)
    {
        var port = LoopbackPorts.Free();
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { ImportProcess.WebAssemblyPath(), "--urls", $"http://127.0.0.1:{port}" })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Archive__Provider"] = "PostgreSQL";
        start.Environment["ConnectionStrings__Archive"] = connectionString;
        start.Environment["Archive__ImportSeedsWhenEmpty"] = importSeeds ? "true" : "false";
        start.Environment["Serilog__MinimumLevel__Default"] = "Warning";
        var node = new NodeProcess(Process.Start(start)!, port);
        node._process.OutputDataReceived += (_, e) => node.Collect(e.Data);
        node._process.ErrorDataReceived += (_, e) => node.Collect(e.Data);
        node._process.BeginOutputReadLine();
        node._process.BeginErrorReadLine();
        return node;
    }

    /// <summary>Waits until <c>/readyz</c> answers 200 (the database answers and is migrated; the seeds, if this node imports them, are in).</summary>
    public async Task WaitUntilReadyAsync(TimeSpan limit)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < limit)
        {
            if (_process.HasExited)
            {
                Assert.Fail($"node {Address} exited ({_process.ExitCode}) before it was ready:\n{Output}");
            }

            try
            {
                using var ready = await client.GetAsync(new Uri($"http://{Address}/readyz"), TestContext.Current.CancellationToken);
                if (ready.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException) when (!TestContext.Current.CancellationToken.IsCancellationRequested)
            {
                // Busy starting: ask again.
            }

            await Task.Delay(100, TestContext.Current.CancellationToken);
        }

        Assert.Fail($"node {Address} was not ready after {limit.TotalSeconds} s:\n{Output}");
    }

    /// <summary>SIGKILL (what <see cref="Process.Kill()"/> sends on Unix): no shutdown, sockets closed by the kernel.</summary>
    public void Kill()
    {
        _process.Kill();
        _process.WaitForExit();
    }

    private void Collect(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.Enqueue(line);
            if (_output.Count > 40)
            {
                _output.Dequeue();
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync(CancellationToken.None);
        _process.Dispose();
    }
}
