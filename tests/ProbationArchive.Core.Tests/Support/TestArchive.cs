using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ProbationArchive.Core.Data;
using ProbationArchive.Core.Import;
using ProbationArchive.TestSupport;

namespace ProbationArchive.Core.Tests.Support;

/// <summary>
/// A real archive, migrated, with the real importer: a SQLite file in a temporary folder, or a
/// throwaway PostgreSQL database (<see cref="PostgreSqlTestDatabase"/>). Pages are written into the folder either way.
/// </summary>
public sealed class TestArchive : IAsyncDisposable
{
    private TestArchive(string folder, ArchiveProvider provider, string connectionString)
    {
        Folder = folder;
        Provider = provider;
        ConnectionString = connectionString;
    }

    public string Folder { get; }

    public ArchiveProvider Provider { get; }

    public string ConnectionString { get; }

    /// <summary>The SQLite file (meaningless on PostgreSQL).</summary>
    public string DatabasePath => Path.Combine(Folder, "archive.db");

    public static async Task<TestArchive> CreateAsync(ArchiveProvider provider = ArchiveProvider.Sqlite)
    {
        var connectionString = provider == ArchiveProvider.PostgreSql ? await PostgreSqlTestDatabase.CreateAsync() : null;
        var folder = Directory.CreateTempSubdirectory("probation-archive-").FullName;
        var archive = new TestArchive(folder, provider, connectionString ?? $"Data Source={Path.Combine(folder, "archive.db")}");
        if (provider == ArchiveProvider.Sqlite)
        {
            await using var db = archive.OpenContext();
            await ArchiveDatabase.MigrateAsync(db, TestContext.Current.CancellationToken);
        }

        return archive;
    }

    public ArchiveDbContext OpenContext()
    {
        var options = new DbContextOptionsBuilder<ArchiveDbContext>();
        options.UseArchiveStore(Provider, ConnectionString, Folder);
        return new ArchiveDbContext(options.Options);
    }

    public Task<ImportSummary> ImportAsync(params string[] paths) => ImportAsync(new ImportOptions(), paths);

    public async Task<ImportSummary> ImportAsync(ImportOptions options, params string[] paths)
    {
        await using var db = OpenContext();
        var importer = new ArchiveImporter(db, Options.Create(options), TimeProvider.System, NullLogger<ArchiveImporter>.Instance);
        return await importer.ImportAsync(paths, progress: null, TestContext.Current.CancellationToken);
    }

    /// <summary>Writes a page into the archive's folder and returns its path.</summary>
    public string WritePage(string relativePath, string text)
    {
        var path = Path.Combine(Folder, "pages", relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    public async ValueTask DisposeAsync()
    {
        if (Provider == ArchiveProvider.PostgreSql)
        {
            await PostgreSqlTestDatabase.DropAsync(ConnectionString);
        }

        SqliteConnection.ClearAllPools();
        await Task.Run(() => Directory.Delete(Folder, recursive: true));
    }
}
