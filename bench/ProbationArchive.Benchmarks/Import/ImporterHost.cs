using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ProbationArchive.Core.Data;

namespace ProbationArchive.Benchmarks.Import;

/// <summary>The importer's services as the import command registers them, logging warnings only.</summary>
internal static class ImporterHost
{
    public static IHost Build(string connectionString, string baseDirectory)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration[$"ConnectionStrings:{ArchiveStoreServiceCollectionExtensions.ConnectionStringName}"] = connectionString;
        builder.Logging.AddConsole().SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddArchiveStore(baseDirectory);
        return builder.Build();
    }
}
