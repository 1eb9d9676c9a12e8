using System.Globalization;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using ProbationArchive.Core.Data;

namespace ProbationArchive.Web.Tests.Support;

/// <summary>
/// The real app over a real SQLite file in a temporary folder, filled from the built-in seeds by
/// the real importer at startup. Each factory has its own database.
/// </summary>
public class ArchiveWebFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("probation-archive-web-").FullName;

    /// <summary>The SQLite file (PostgreSQL's factory has a database instead).</summary>
    public string DatabasePath => Path.Combine(_folder, "archive.db");

    /// <summary>A folder of the test's own, for pages to import.</summary>
    public string Folder => _folder;

    /// <summary>The archive's settings, as the app and the import command read them from configuration or the environment.</summary>
    public virtual IReadOnlyDictionary<string, string> StoreSettings => new Dictionary<string, string>
    {
        ["ConnectionStrings:Archive"] = $"Data Source={DatabasePath}",
    };

    public CommandCounter Commands { get; } = new();

    public CommandRecorder Recorder { get; } = new();

    /// <summary>
    /// The same app and database with a different page size. This factory is started first, so
    /// the seeds are imported once and never by two hosts at the same time.
    /// </summary>
    public WebApplicationFactory<Program> WithPageSize(int pageSize)
    {
        _ = Services;
        return WithWebHostBuilder(builder => builder.UseSetting("Archive:PageSize", pageSize.ToString(CultureInfo.InvariantCulture)));
    }

    /// <summary>
    /// As a fixture, the app starts (and imports the seeds) before any test uses it: the factory's
    /// own lazy start is not thread-safe, and test classes sharing one fixture run in parallel, so
    /// two of them could each start a host importing into the same database.
    /// </summary>
    public virtual ValueTask InitializeAsync()
    {
        _ = Services;
        return ValueTask.CompletedTask;
    }

    /// <summary>A client that shows redirects instead of following them.</summary>
    public HttpClient CreateReader() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in StoreSettings)
        {
            builder.UseSetting(key, value);
        }

        builder.UseSetting("Archive:ImportSeedsWhenEmpty", "true");
        builder.UseSetting("Archive:SeedsPath", Path.Combine(AppContext.BaseDirectory, "seeds"));
        // Every test client shares one remote address; search's per-client limit is tested on its own (SearchRateLimitTests).
        builder.UseSetting("Search:PermitLimit", "1000000");
        // Request logs for hundreds of test requests would bury the test results.
        builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
        builder.UseSetting("Serilog:MinimumLevel:Override:Microsoft.Hosting.Lifetime", "Warning");
        builder.ConfigureTestServices(services =>
            services.ConfigureDbContext<ArchiveDbContext>(options => options.AddInterceptors(Commands, Recorder)));
    }

    /// <summary>Runs <paramref name="change"/> against the app's own database, for tests that need posts the seeds lack.</summary>
    public async Task WithDatabaseAsync(Func<ArchiveDbContext, Task> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        await using var scope = Services.CreateAsyncScope();
        await change(scope.ServiceProvider.GetRequiredService<ArchiveDbContext>());
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        GC.SuppressFinalize(this);
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless; failing the run for it is not.
        }
    }
}
