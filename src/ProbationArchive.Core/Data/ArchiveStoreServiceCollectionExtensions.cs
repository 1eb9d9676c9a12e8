using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ProbationArchive.Core.Data.PostgreSql;
using ProbationArchive.Core.Import;

namespace ProbationArchive.Core.Data;

public static class ArchiveStoreServiceCollectionExtensions
{
    public const string ConnectionStringName = "Archive";
    public const string DefaultConnectionString = "Data Source=archive.db";

    /// <summary>The assembly holding PostgreSQL's migrations; SQLite's are in this one (Data/Migrations).</summary>
    public const string PostgreSqlMigrationsAssembly = "ProbationArchive.Data.PostgreSql";

    /// <summary>
    /// Registers the archive (SQLite or PostgreSQL, <c>Archive:Provider</c>) and the importer. A
    /// relative SQLite path in the connection string is taken from <paramref name="baseDirectory"/>,
    /// so the archive does not move with the shell's current directory.
    /// </summary>
    public static IServiceCollection AddArchiveStore(this IServiceCollection services, string baseDirectory)
    {
        services.AddOptions<ArchiveStoreOptions>()
            .BindConfiguration(ArchiveStoreOptions.SectionName)
            .Configure<IConfiguration>((options, configuration) => options.ConnectionString = configuration.GetConnectionString(ConnectionStringName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        // Read when first used, so hosts and tests can still change the configuration after registration.
        services.AddDbContext<ArchiveDbContext>((provider, options) =>
        {
            var store = provider.GetRequiredService<IOptions<ArchiveStoreOptions>>().Value;
            options.UseArchiveStore(store.Provider, store.ConnectionString ?? DefaultConnectionString, baseDirectory);
        });
        services.AddOptions<ImportOptions>().BindConfiguration(ImportOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(TimeProvider.System);
        services.AddScoped<ArchiveImporter>();
        return services;
    }

    /// <summary>Points a context at the archive: the one place a provider is chosen, for the app, the import command, tests and benchmarks.</summary>
    public static DbContextOptionsBuilder UseArchiveStore(this DbContextOptionsBuilder options, ArchiveProvider provider, string connectionString, string baseDirectory)
    {
        ArgumentNullException.ThrowIfNull(options);
        return provider switch
        {
            ArchiveProvider.PostgreSql => options
                .UseNpgsql(connectionString, npgsql => npgsql.MigrationsAssembly(PostgreSqlMigrationsAssembly))
                .ReplaceService<IQuerySqlGeneratorFactory, SqliteNullOrderSqlGeneratorFactory>(),
            _ => options.UseSqlite(ResolveConnectionString(connectionString, baseDirectory)),
        };
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
