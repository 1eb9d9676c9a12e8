using System.IO.Compression;
using Microsoft.AspNetCore.ResponseCompression;

namespace ProbationArchive.Web.Hosting;

/// <summary>
/// Pages and feeds are sent brotli- or gzip-compressed to readers who accept it (HTML compresses
/// to about a fifth). Static files (one stylesheet, one icon) go through it too, ahead of the cache (StaticAssets). The middleware runs inside the output cache (WebPipeline), so a page is
/// compressed once, when it is rendered, and the cache keeps the compressed bytes, one entry per
/// encoding (<see cref="OutputCaching"/> varies by the encoding chosen here): a hit costs no CPU
/// for compression. A client that accepts none, as wrk in the benchmark, gets the plain page.
/// </summary>
internal static class PageCompression
{
    public static IServiceCollection AddPageCompression(this IServiceCollection services)
    {
        services.AddResponseCompression(options =>
        {
            // BREACH needs a secret in the page beside text the attacker controls: these pages
            // hold no secret at all (no cookies, no antiforgery tokens, nothing per reader).
            options.EnableForHttps = true;
            options.Providers.Add<BrotliCompressionProvider>();
            options.Providers.Add<GzipCompressionProvider>();
            // The icon is SVG, text like the rest (StaticAssets).
            options.MimeTypes = ResponseCompressionDefaults.MimeTypes.Append("application/atom+xml").Append("image/svg+xml");
        });
        // Once per cached page, so the better ratio is worth its time; the fastest level saves little on a miss.
        services.Configure<BrotliCompressionProviderOptions>(options => options.Level = CompressionLevel.Optimal);
        services.Configure<GzipCompressionProviderOptions>(options => options.Level = CompressionLevel.Optimal);
        return services;
    }

    /// <summary>
    /// The encoding this request's response will be sent in ("br", "gzip", or "identity"), decided
    /// by the compression middleware's own provider, so the cache key and the body always agree.
    /// </summary>
    public static string ChosenEncoding(IResponseCompressionProvider compression, HttpContext context) =>
        compression.CheckRequestAcceptsCompression(context) && compression.GetCompressionProvider(context) is { } provider
            ? provider.EncodingName
            : "identity";
}
