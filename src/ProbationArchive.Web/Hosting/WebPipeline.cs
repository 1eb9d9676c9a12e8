using ProbationArchive.Web.Feeds;
using ProbationArchive.Web.Routing;
using Serilog;

namespace ProbationArchive.Web.Hosting;

internal static class WebPipeline
{
    public static IServiceCollection AddArchiveWeb(this IServiceCollection services)
    {
        services.AddRazorPages(options =>
        {
            options.Conventions.ConfigureFilter(new Microsoft.AspNetCore.Mvc.IgnoreAntiforgeryTokenAttribute());
            // Undated posts have no year and month in their address; the same pages serve them.
            options.Conventions.AddPageRoute("/Post", "undated/{slug}");
            // Blogger's pages ("/p/about.html" there), imported from an export.
            options.Conventions.AddPageRoute("/Post", "p/{slug}");
            options.Conventions.AddPageRoute("/Archive", "undated");
        });
        services.AddRouting(options => options.LowercaseUrls = false);
        services.AddOptions<ArchiveOptions>().BindConfiguration(ArchiveOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSearchRateLimiting();
        services.AddArchiveOutputCaching();
        services.AddSingleton(sp => new Reading.ArchiveFacts(sp.GetRequiredService<ArchiveDataVersion>(), sp.GetRequiredService<IServiceScopeFactory>()));
        services.AddPageCompression();
        services.AddRequestLimits();
        return services;
    }

    public static WebApplication UseArchiveWeb(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/Error");
        }

        app.UseSerilogRequestLogging();
        // Before the cache, so cached responses carry the headers too (they are added as each response starts).
        app.Use(SecurityHeaders.AddAsync);
        app.UseStatusCodePagesWithReExecute("/NotFound");
        // Before the limits, so the 503 and 429 pages' stylesheet always loads.
        app.UseStaticAssets();
        app.UseRouting();
        // The cache before the limits: a hit does no SQLite work, so it waits for no turn and
        // spends no search permit; only misses, which render, pass the limiter.
        app.UseArchiveOutputCaching();
        // Inside the cache, so the cache keeps what it compressed (PageCompression).
        app.UseResponseCompression();
        app.UseRateLimiter();
        app.MapLegacyRedirects();
        app.MapArchiveFeeds();
        app.MapArchiveSitemap();
        app.MapRazorPages();
        return app;
    }
}
