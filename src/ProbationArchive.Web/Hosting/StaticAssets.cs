using Microsoft.Net.Http.Headers;

namespace ProbationArchive.Web.Hosting;

/// <summary>
/// The stylesheet and the icon: compressed for readers who accept it (the pages' own compression
/// runs later, inside the output cache), and cached by browsers for a year when asked for by
/// their fingerprinted address (<c>?v=</c>, which <c>asp-append-version</c> writes and changes with the
/// file's bytes), for an hour otherwise.
/// </summary>
internal static class StaticAssets
{
    public const string Fingerprinted = "public, max-age=31536000, immutable";
    public const string Unversioned = "public, max-age=3600";

    /// <summary>
    /// Static files only under wwwroot's own top-level names ("/css/...", "/favicon.svg"), found
    /// once at startup: a page address never enters the static-file middleware, so it makes no
    /// file-system probe (a label or slug with a dot in it would otherwise look like a file).
    /// </summary>
    public static WebApplication UseStaticAssets(this WebApplication app)
    {
        var entries = app.Environment.WebRootFileProvider.GetDirectoryContents("").ToList();
        var folders = entries.Where(e => e.IsDirectory).Select(e => new PathString("/" + e.Name)).ToArray();
        var files = entries.Where(e => !e.IsDirectory).Select(e => new PathString("/" + e.Name)).ToArray();
        app.UseWhen(context => IsAsset(context.Request.Path), assets =>
        {
            assets.UseResponseCompression();
            assets.UseStaticFiles(new StaticFileOptions { OnPrepareResponse = SetCacheControl });
        });
        return app;

        bool IsAsset(PathString path) =>
            Array.Exists(files, file => path.Equals(file, StringComparison.Ordinal))
            || Array.Exists(folders, folder => path.StartsWithSegments(folder, StringComparison.Ordinal));
    }

    private static void SetCacheControl(Microsoft.AspNetCore.StaticFiles.StaticFileResponseContext context) =>
        context.Context.Response.Headers[HeaderNames.CacheControl] =
            context.Context.Request.Query.ContainsKey("v") ? Fingerprinted : Unversioned;
}
