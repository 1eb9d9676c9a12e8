using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using ProbationArchive.Web.Tests.Support;

namespace ProbationArchive.Web.Tests.Reliability;

/// <summary>
/// The seeded app on Kestrel at a free 127.0.0.1 port (as in Browser/BrowserFixture): Kestrel's own
/// limits and request parsing only exist on real sockets, not in the in-memory test server.
/// </summary>
public sealed class LoopbackArchiveFixture : IAsyncLifetime
{
    private readonly ArchiveWebFactory _server = new();

    public Uri BaseAddress { get; private set; } = null!;

    public IServiceProvider Services => _server.Services;

    public ValueTask InitializeAsync()
    {
        _server.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        _server.StartServer();
        BaseAddress = new Uri(_server.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First());
        return ValueTask.CompletedTask;
    }

    /// <summary>A client of the real server that shows redirects instead of following them.</summary>
    public HttpClient CreateClient() => new(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = BaseAddress };

    public async ValueTask DisposeAsync() => await _server.DisposeAsync();
}
