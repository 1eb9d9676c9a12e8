using Microsoft.AspNetCore.HostFiltering;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace ProbationArchive.Web.Hosting;

/// <summary>
/// The archive behind a load balancer. With <c>Archive:PublicBaseUrl</c> set, every absolute URL
/// is made from it and the Host header is never reflected; requests naming another host are
/// refused (400) by ASP.NET Core's host filtering, unless <c>AllowedHosts</c> names more hosts
/// itself. Whatever the settings, a request with no Host header is refused (400), so no address
/// is ever made from nothing. X-Forwarded-For (the client's address, which search's per-client
/// limit uses) and X-Forwarded-Proto are read only from the proxies in <c>Archive:KnownProxies</c>
/// (not even loopback otherwise).
/// </summary>
internal static class PublicAddress
{
    /// <summary>The address as a root ending in "/", or null when it is not an absolute http(s) address without query or fragment.</summary>
    public static Uri? Parse(string value) =>
        Uri.TryCreate(value.EndsWith('/') ? value : value + "/", UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps) && uri.Query.Length == 0 && uri.Fragment.Length == 0
            ? uri
            : null;

    /// <summary>The site's absolute root ("https://archive.example.org/"): the public address, else the request's.</summary>
    public static Uri Root(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var options = request.HttpContext.RequestServices.GetRequiredService<IOptions<ArchiveOptions>>().Value;
        return options.PublicBaseUrl is { } configured
            ? Parse(configured)!
            : new Uri($"{request.Scheme}://{request.Host}{request.PathBase}/");
    }

    public static IServiceCollection AddPublicAddress(this IServiceCollection services)
    {
        // After the web host's own configuration of AllowedHosts (PostConfigure runs in registration order).
        services.AddOptions<HostFilteringOptions>().PostConfigure<IOptions<ArchiveOptions>>((hosts, archive) =>
        {
            hosts.AllowEmptyHosts = false;
            if (archive.Value.PublicBaseUrl is { } configured && Parse(configured) is { } root && hosts.AllowedHosts is ["*"] or [])
            {
                // Host filtering compares names, never ports.
                hosts.AllowedHosts = [root.Host];
            }
        });
        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<ArchiveOptions>>((forwarded, archive) =>
        {
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            forwarded.KnownIPNetworks.Clear();
            forwarded.KnownProxies.Clear();
            foreach (var proxy in archive.Value.KnownProxies)
            {
                forwarded.KnownProxies.Add(System.Net.IPAddress.Parse(proxy));
            }
        });
        return services;
    }

    /// <summary>First in the pipeline, so every later step sees the client's address and scheme.</summary>
    public static WebApplication UseForwardedHeadersFromKnownProxies(this WebApplication app)
    {
        if (app.Services.GetRequiredService<IOptions<ArchiveOptions>>().Value.KnownProxies.Length > 0)
        {
            app.UseForwardedHeaders();
        }

        return app;
    }
}
