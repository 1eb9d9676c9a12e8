using ProbationArchive.Core.Data;
using ProbationArchive.Web.Hosting;
using ProbationArchive.Web.Import;
using Serilog;

SqliteRuntime.Configure();
if (args is ["import", .. var importPaths])
{
    return await ImportCommand.RunAsync(importPaths);
}

var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    Args = args,
    // appsettings.json and wwwroot are copied beside the executable; the working directory is the caller's.
    ContentRootPath = AppContext.BaseDirectory,
});
builder.Services.AddSerilog((services, logger) => logger.ReadFrom.Configuration(builder.Configuration).ReadFrom.Services(services));
builder.Services.AddArchiveStore(Directory.GetCurrentDirectory());
builder.Services.AddArchiveWeb(builder.Configuration);

var app = builder.Build();
await ArchiveStartup.PrepareAsync(app.Services, app.Lifetime.ApplicationStopping);
app.UseArchiveWeb();
await app.RunAsync();
return 0;

/// <summary>Visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
