using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ProbationArchive.Core.Data;
using ProbationArchive.Core.Import;
using ProbationArchive.CorpusGenerator;

namespace ProbationArchive.Bench.Tests;

/// <summary>
/// A small generated corpus (the benchmark's shapes at 1/200 of its size) in a temporary folder,
/// and a fresh SQLite archive beside it, shared by the tests of one class.
/// </summary>
public sealed class SmallCorpus : IAsyncLifetime
{
    public static readonly CorpusOptions Corpus = new() { Seed = 7, Posts = 50, Comments = 1_500, Labels = 12, PostsPerLabelPage = 5 };

    public string Folder { get; } = Directory.CreateTempSubdirectory("probation-bench-").FullName;

    public string PagesFolder => CorpusWriter.PagesFolder(Path.Combine(Folder, "corpus"));

    public string DatabasePath => Path.Combine(Folder, "archive.db");

    public CorpusManifest Manifest { get; private set; } = null!;

    public ValueTask InitializeAsync()
    {
        Manifest = CorpusWriter.Write(Corpus with { Verify = true }, Path.Combine(Folder, "corpus"));
        return ValueTask.CompletedTask;
    }

    /// <summary>A context on an open connection, so <c>total_changes()</c> counts everything it wrote.</summary>
    public async Task<ArchiveDbContext> OpenArchiveAsync(CancellationToken cancellationToken)
    {
        var db = new ArchiveDbContext(new DbContextOptionsBuilder<ArchiveDbContext>().UseSqlite($"Data Source={DatabasePath}").Options);
        await db.Database.OpenConnectionAsync(cancellationToken);
        await ArchiveDatabase.MigrateAsync(db, cancellationToken);
        return db;
    }

    public async Task<ImportSummary> ImportAsync(ArchiveDbContext db, CancellationToken cancellationToken)
    {
        var importer = new ArchiveImporter(db, Options.Create(new ImportOptions()), TimeProvider.System, NullLogger<ArchiveImporter>.Instance);
        return await importer.ImportAsync([PagesFolder], progress: null, cancellationToken);
    }

    public static async Task<long> TotalChangesAsync(ArchiveDbContext db, CancellationToken cancellationToken)
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = "SELECT total_changes()";
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    public async ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        await Task.Run(() => Directory.Delete(Folder, recursive: true));
    }
}
