using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ProbationArchive.Core.Data;
using ProbationArchive.Core.Import;

namespace ProbationArchive.Core.Tests.Support;

/// <summary>A real SQLite archive file in a temporary folder, migrated, with the real importer.</summary>
public sealed class TestArchive : IAsyncDisposable
{
    private TestArchive(string folder)
    {
        Folder = folder;
        DatabasePath = Path.Combine(folder, "archive.db");
    }

    public string Folder { get; }

    public string DatabasePath { get; }

    public static async Task<TestArchive> CreateAsync()
    {
        var archive = new TestArchive(Directory.CreateTempSubdirectory("probation-archive-").FullName);
        await using var db = archive.OpenContext();
        await ArchiveDatabase.MigrateAsync(db, TestContext.Current.CancellationToken);
        return archive;
    }

    public ArchiveDbContext OpenContext() =>
        new(new DbContextOptionsBuilder<ArchiveDbContext>().UseSqlite($"Data Source={DatabasePath}").Options);

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
        SqliteConnection.ClearAllPools();
        await Task.Run(() => Directory.Delete(Folder, recursive: true));
    }
}
