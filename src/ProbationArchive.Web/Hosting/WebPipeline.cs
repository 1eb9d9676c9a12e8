using ProbationArchive.Web.Feeds;
using ProbationArchive.Web.Routing;
using Serilog;
using Serilog.Events;

namespace ProbationArchive.Web.Hosting;

internal static class WebPipeline
{
    public static IServiceCollection AddArchiveWeb(this IServiceCollection services, IConfiguration configuration)
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
        services.AddArchiveOutputCaching(configuration);
        services.AddSingleton(sp => new Reading.ArchiveFacts(sp.GetRequiredService<IArchiveDataVersion>(), sp.GetRequiredService<IServiceScopeFactory>()));
        services.AddPageCompression();
        services.AddRequestLimits();
        services.AddPublicAddress();
        services.AddArchiveHealthChecks();
        return services;
    }

    public static WebApplication UseArchiveWeb(this WebApplication app)
    {
        app.UseForwardedHeadersFromKnownProxies();
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/Error");
        }

        // A line per request at Information in Development only; elsewhere only failures (5xx) are logged, at Error.
        var everyRequest = app.Environment.IsDevelopment();
        app.UseSerilogRequestLogging(options => options.GetLevel = (context, _, error) =>
            error is not null || context.Response.StatusCode >= 500 ? LogEventLevel.Error
            : everyRequest ? LogEventLevel.Information
            : LogEventLevel.Debug);
        app.Use(ClientDisconnects.HandleAsync);
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
        app.MapArchiveHealth();
        app.MapLegacyRedirects();
        app.MapArchiveFeeds();
        app.MapArchiveSitemap();
        app.MapRazorPages();
        return app;
    }
}
