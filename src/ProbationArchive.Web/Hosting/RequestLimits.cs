using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace ProbationArchive.Web.Hosting;

/// <summary>
/// What the archive accepts at all. It only shows pages: every page answers GET and HEAD, and any
/// other method is refused by routing (405) before a page runs (importing is a local command,
/// never a request). Kestrel's limits are stated rather than inherited, so a long address, a huge
/// header block or a body is refused with 414, 431 or 413, never read into memory; and only so
/// many requests run at once (<see cref="PageConcurrency"/>).
/// docs/RELIABILITY.md lists what each refusal looks like.
/// </summary>
internal static class RequestLimits
{
    public const int MaxRequestLineBytes = 8 * 1024;
    public const int MaxRequestHeadersBytes = 32 * 1024;
    public const int MaxRequestHeaderCount = 100;

    /// <summary>No page reads a body; a small one (a stray form post) is still let through to be refused with 405.</summary>
    public const long MaxRequestBodyBytes = 16 * 1024;

    public static readonly IReadOnlyList<string> PageMethods = [HttpMethods.Get, HttpMethods.Head];

    public static IServiceCollection AddRequestLimits(this IServiceCollection services)
    {
        services.Configure<RazorPagesOptions>(options => options.Conventions.AddFolderRouteModelConvention("/", model =>
        {
            foreach (var selector in model.Selectors)
            {
                selector.EndpointMetadata.Add(new HttpMethodMetadata(PageMethods));
            }
        }));
        services.Configure<KestrelServerOptions>(options =>
        {
            options.Limits.MaxRequestLineSize = MaxRequestLineBytes;
            options.Limits.MaxRequestHeadersTotalSize = MaxRequestHeadersBytes;
            options.Limits.MaxRequestHeaderCount = MaxRequestHeaderCount;
            options.Limits.MaxRequestBodySize = MaxRequestBodyBytes;
            // A client that trickles its headers is dropped instead of holding a connection open.
            options.Limits.RequestHeadersTimeout = TimeSpan.FromSeconds(15);
        });
        return services.AddPageConcurrencyLimit();
    }
}
