using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace ProbationArchive.Web.Tests.Reliability;

/// <summary>
/// Requests written byte for byte on a socket, for what HttpClient would refuse to send or would
/// tidy up first: malformed escapes, oversized lines and headers, odd methods.
/// </summary>
internal static class RawHttp
{
    private const int MaxResponseBytes = 1 << 20;

    /// <summary>Sends "<paramref name="method"/> <paramref name="target"/> HTTP/1.1" with a Host header, the extra header lines, and the body.</summary>
    public static Task<RawResponse> SendAsync(Uri server, string method, string target, string extraHeaders = "", string body = "") =>
        SendRawAsync(server, $"{method} {target} HTTP/1.1\r\nHost: {server.Authority}\r\nConnection: close\r\n{extraHeaders}\r\n{body}");

    public static async Task<RawResponse> SendRawAsync(Uri server, string request)
    {
        ArgumentNullException.ThrowIfNull(server);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(30));
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, server.Port, timeout.Token);
        await using var stream = client.GetStream();
        try
        {
            await stream.WriteAsync(Encoding.Latin1.GetBytes(request), timeout.Token);
        }
        catch (IOException)
        {
            // The server may answer and close before it has read everything (a header block over the limit).
        }

        var received = new MemoryStream();
        var buffer = new byte[16 * 1024];
        try
        {
            int read;
            while (received.Length < MaxResponseBytes && (read = await stream.ReadAsync(buffer, timeout.Token)) > 0)
            {
                received.Write(buffer, 0, read);
            }
        }
        catch (IOException) when (received.Length > 0)
        {
            // A reset after the response: what arrived is the answer.
        }

        var text = Encoding.UTF8.GetString(received.ToArray());
        var statusLine = text.Split("\r\n", 2)[0];
        var parts = statusLine.Split(' ', 3);
        if (parts.Length < 2 || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var status))
        {
            throw new InvalidOperationException($"No HTTP response to {request[..Math.Min(request.Length, 120)]}...: '{statusLine}'");
        }

        var split = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        return new RawResponse(status, split < 0 ? text : text[..split], split < 0 ? "" : text[(split + 4)..]);
    }
}
