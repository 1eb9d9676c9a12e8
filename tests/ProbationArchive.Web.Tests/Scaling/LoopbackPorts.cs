using System.Net;
using System.Net.Sockets;

namespace ProbationArchive.Web.Tests.Scaling;

internal static class LoopbackPorts
{
    /// <summary>A 127.0.0.1 port nothing listens on just now (the system's choice, so two tests never pick the same one at once).</summary>
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
