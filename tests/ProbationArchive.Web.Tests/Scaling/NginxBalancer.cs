using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using System.Text;

namespace ProbationArchive.Web.Tests.Scaling;

/// <summary>
/// Debian's nginx as a round-robin balancer on a free loopback port over the given nodes, set up as
/// docs/SCALING.md (and bench/scale-out.sh) sets it: a node that fails a connection is left out for
/// 10 s (<c>max_fails=1 fail_timeout=10s</c>) and the request is passed to the next
/// (<c>proxy_next_upstream error timeout http_502 http_503</c>). Every answer names the nodes
/// nginx tried in <c>X-Archive-Node</c> (<c>$upstream_addr</c>: "a:1, b:2" when it passed one on).
/// It runs in the foreground as one process (<c>daemon off; master_process off;</c>), with its
/// configuration, pid, logs and temporary files in a folder of its own, so it needs no root and
/// disposing it stops all of it.
/// </summary>
internal sealed class NginxBalancer : IAsyncDisposable
{
    /// <summary>The nginx executable; .ci/run installs nginx-light and sets it, which makes the test required.</summary>
    public const string Variable = "ARCHIVE_TEST_NGINX";

    public const string NodeHeader = "X-Archive-Node";

    private readonly Process _process;
    private readonly string _folder;

    private NginxBalancer(Process process, string folder, int port)
    {
        _process = process;
        _folder = folder;
        BaseAddress = new Uri($"http://127.0.0.1:{port}/");
    }

    public Uri BaseAddress { get; }

    /// <summary>nginx's path; skips the test when there is none and nothing requires it, fails it when <see cref="Variable"/> names one that is missing.</summary>
    public static string Require()
    {
        if (Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } named)
        {
            Assert.True(File.Exists(named), $"{Variable} names {named}, which does not exist.");
            return named;
        }

        var found = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Append("/usr/sbin")
            .Select(folder => Path.Combine(folder, "nginx"))
            .FirstOrDefault(File.Exists);
        if (found is null)
        {
            Assert.Skip($"This test runs nginx: install nginx-light, or set {Variable} to its path (.ci/run does both).");
        }

        return found!;
    }

    public static async Task<NginxBalancer> StartAsync(string nginx, IEnumerable<string> nodes)
    {
        var folder = Directory.CreateTempSubdirectory("probation-nginx-").FullName;
        var port = LoopbackPorts.Free();
        File.WriteAllText(Path.Combine(folder, "nginx.conf"), Configuration(folder, port, nodes));
        var start = new ProcessStartInfo(nginx) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { "-p", folder, "-c", Path.Combine(folder, "nginx.conf"), "-e", Path.Combine(folder, "error.log") })
        {
            start.ArgumentList.Add(argument);
        }

        var balancer = new NginxBalancer(Process.Start(start)!, folder, port);
        await balancer.WaitUntilListeningAsync(port);
        return balancer;
    }

    private static string Configuration(string folder, int port, IEnumerable<string> nodes)
    {
        var servers = new StringBuilder();
        foreach (var node in nodes)
        {
            servers.Append(CultureInfo.InvariantCulture, $"    server {node} max_fails=1 fail_timeout=10s;\n");
        }

        return $$"""
            daemon off;
            master_process off;
            pid {{folder}}/nginx.pid;
            error_log {{folder}}/error.log warn;
            events { worker_connections 256; }
            http {
              access_log off;
              client_body_temp_path {{folder}}/client-body;
              proxy_temp_path {{folder}}/proxy;
              upstream archive {
            {{servers}}    keepalive 16;
              }
              server {
                listen 127.0.0.1:{{port}};
                location / {
                  proxy_pass http://archive;
                  proxy_http_version 1.1;
                  proxy_set_header Connection "";
                  proxy_set_header Host $http_host;
                  proxy_next_upstream error timeout http_502 http_503;
                  proxy_next_upstream_tries 2;
                  proxy_connect_timeout 1s;
                  add_header {{NodeHeader}} $upstream_addr always;
                }
              }
            }
            """;
    }

    private async Task WaitUntilListeningAsync(int port)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(10))
        {
            if (_process.HasExited)
            {
                Assert.Fail($"nginx exited ({_process.ExitCode}):\n{await _process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken)}\n{ErrorLog()}");
            }

            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync("127.0.0.1", port, TestContext.Current.CancellationToken);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(50, TestContext.Current.CancellationToken);
            }
        }

        Assert.Fail($"nginx did not listen on {port} within 10 s:\n{ErrorLog()}");
    }

    /// <summary>nginx's own log, for failure messages.</summary>
    public string ErrorLog()
    {
        var log = Path.Combine(_folder, "error.log");
        return File.Exists(log) ? File.ReadAllText(log) : "(no error log)";
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
        }

        await _process.WaitForExitAsync(CancellationToken.None);
        _process.Dispose();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
    }
}
