using Microsoft.EntityFrameworkCore;
using Npgsql;
using ProbationArchive.Core.Data;

namespace ProbationArchive.Core.Import.Storage.PostgreSql;

/// <summary>
/// An import run's hold on the PostgreSQL archive: one connection for the whole run, holding an
/// advisory lock so that one import at a time writes (the planner reads stored state, then
/// writes: two runs at once could plan against each other's unfinished state); commits that do
/// not wait for the disk, as SQLite's synchronous=NORMAL (a crash can lose the last groups, never
/// corrupt the archive, and running the import again stores them); no parallel workers (the
/// run's statements each touch a few rows, and starting workers cost more); the reader and writer of
/// plans; commit groups with a savepoint per file, as on SQLite.
/// </summary>
internal sealed class PostgreSqlImportStore : IImportStore
{
    /// <summary>The advisory lock's key: any number, the same in every process that imports.</summary>
    private const long ImportLock = 0x5052_4F42_4154_494F;

    private readonly ArchiveDbContext _db;
    private readonly NpgsqlConnection _connection;

    private PostgreSqlImportStore(ArchiveDbContext db, NpgsqlConnection connection, string? imageInventoryPath)
    {
        _db = db;
        _connection = connection;
        Reader = new PostgreSqlStoredPageReader(connection);
        Writer = new PostgreSqlPlanWriter(connection);
        Group = new CommitGroup(sql => PostgreSqlCommands.Run(connection, sql), isInTransaction: null);
        Index = new SearchIndexInStep(connection);
        ImageInventoryPath = imageInventoryPath;
    }

    public IStoredPageReader Reader { get; }

    public IPlanWriter Writer { get; }

    public CommitGroup Group { get; }

    public ISearchIndexDuringImport Index { get; }

    /// <summary>"{database}.external-images.tsv" in the current directory: a database has no folder of its own.</summary>
    public string? ImageInventoryPath { get; }

    public static async Task<PostgreSqlImportStore> OpenAsync(ArchiveDbContext db, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await using (var command = new NpgsqlCommand($"SELECT pg_advisory_lock({ImportLock}); SET synchronous_commit = off; SET max_parallel_workers_per_gather = 0", connection))
        {
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        var inventory = Path.Combine(Directory.GetCurrentDirectory(), connection.Database + ".external-images.tsv");
        return new PostgreSqlImportStore(db, connection, inventory);
    }

    public async ValueTask DisposeAsync()
    {
        Group.RollBack();
        Writer.Dispose();
        Reader.Dispose();
        await using (var command = new NpgsqlCommand($"RESET synchronous_commit; RESET max_parallel_workers_per_gather; SELECT pg_advisory_unlock({ImportLock})", _connection))
        {
            await command.ExecuteNonQueryAsync();
        }

        await _db.Database.CloseConnectionAsync();
    }
}
