using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ProbationArchive.Core.Import;

namespace ProbationArchive.Core.Data;

public static class ArchiveStoreServiceCollectionExtensions
{
    public const string ConnectionStringName = "Archive";
    public const string DefaultConnectionString = "Data Source=archive.db";

    /// <summary>
    /// Registers the SQLite archive and the importer. A relative database path in the connection
    /// string is taken from <paramref name="baseDirectory"/>, so the archive does not move with the
    /// shell's current directory.
    /// </summary>
    public static IServiceCollection AddArchiveStore(this IServiceCollection services, string baseDirectory)
    {
        // Read when first used, so hosts and tests can still change the configuration after registration.
        services.AddDbContext<ArchiveDbContext>((provider, options) => options.UseSqlite(
            ResolveConnectionString(provider.GetRequiredService<IConfiguration>().GetConnectionString(ConnectionStringName) ?? DefaultConnectionString, baseDirectory)));
        services.AddOptions<ImportOptions>().BindConfiguration(ImportOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(TimeProvider.System);
        services.AddScoped<ArchiveImporter>();
        return services;
    }

    public static string ResolveConnectionString(string connectionString, string baseDirectory)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        var isFile = builder.Mode != SqliteOpenMode.Memory && !builder.DataSource.StartsWith(':') && !builder.DataSource.StartsWith("file:", StringComparison.Ordinal);
        if (isFile && builder.DataSource.Length > 0 && !Path.IsPathRooted(builder.DataSource))
        {
            builder.DataSource = Path.GetFullPath(Path.Combine(baseDirectory, builder.DataSource));
        }

        return builder.ToString();
    }
}
