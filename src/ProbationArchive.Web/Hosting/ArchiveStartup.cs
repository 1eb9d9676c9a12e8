using ProbationArchive.Core.Data;
using Microsoft.Extensions.Options;
using ProbationArchive.Core.Import;

namespace ProbationArchive.Web.Hosting;

/// <summary>Before serving: create or migrate the database, and fill an empty archive from the built-in seeds.</summary>
internal static class ArchiveStartup
{
    public static async Task PrepareAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var options = services.GetRequiredService<IOptions<ArchiveOptions>>().Value;
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ArchiveDbContext>();
        var logger = scope.ServiceProvider.GetRequiredService<ILogger<ArchiveDbContext>>();
        await ArchiveDatabase.MigrateAsync(db, cancellationToken);
        // On PostgreSQL this starts listening for other nodes' imports before the first request.
        services.GetRequiredService<IArchiveDataVersion>();
        // With the output cache in Redis, connected before the first reader (RedisConnection says why).
        if (options.OutputCache && services.GetService<RedisConnection>() is { } redis)
        {
            await redis.ConnectAsync();
        }

        if (!options.ImportSeedsWhenEmpty || !await ArchiveDatabase.IsEmptyAsync(db, cancellationToken))
        {
            return;
        }

        var seeds = options.SeedsPath;
        logger.LogInformation("The archive is empty: importing the built-in seeds from {Seeds}", seeds);
        var importer = scope.ServiceProvider.GetRequiredService<ArchiveImporter>();
        var summary = await importer.ImportAsync([seeds], progress: null, cancellationToken);
        logger.LogInformation(
            "Seed import: {Files} files, {Posts} new posts, {Comments} comments, {Labels} labels, {Warnings} warnings, {Failures} failures",
            summary.FilesRead, summary.PostsNew, summary.Comments, summary.Labels, summary.Warnings, summary.Failures.Count);
    }
}
