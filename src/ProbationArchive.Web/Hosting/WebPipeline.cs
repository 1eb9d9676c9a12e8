using ProbationArchive.Web.Feeds;
using ProbationArchive.Web.Reading;
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
            options.Conventions.AddPageRoute("/Archive", "undated");
        });
        services.AddRouting(options => options.LowercaseUrls = false);
        services.AddOptions<ReadingOptions>()
            .BindConfiguration(ReadingOptions.SectionName)
            .Validate(o => o.PageSize is >= 1 and <= ReadingOptions.MaxPageSize, $"Archive:PageSize must be 1 to {ReadingOptions.MaxPageSize}.")
            .ValidateOnStart();
        services.AddSearchRateLimiting();
        services.AddArchiveOutputCaching();
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
        app.Use(SecurityHeaders.AddAsync);
        app.UseStatusCodePagesWithReExecute("/NotFound");
        app.UseStaticFiles();
        app.UseRouting();
        app.UseRateLimiter();
        app.UseArchiveOutputCaching();
        app.MapLegacyRedirects();
        app.MapArchiveFeeds();
        app.MapArchiveSitemap();
        app.MapRazorPages();
        return app;
    }
}
