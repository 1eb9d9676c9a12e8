using Serilog;

namespace ProbationArchive.Web.Hosting;

internal static class WebPipeline
{
    public static IServiceCollection AddArchiveWeb(this IServiceCollection services)
    {
        services.AddRazorPages(options => options.Conventions.ConfigureFilter(new Microsoft.AspNetCore.Mvc.IgnoreAntiforgeryTokenAttribute()));
        services.AddRouting(options => options.LowercaseUrls = false);
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
        app.MapRazorPages();
        return app;
    }
}
