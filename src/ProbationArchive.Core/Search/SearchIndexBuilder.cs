using System.Data.Common;
using System.Threading.Channels;
using Microsoft.Data.Sqlite;

namespace ProbationArchive.Core.Search;

/// <summary>One entry of the full-text index: a post (rowid -Id) or a comment (rowid +Id).</summary>
public sealed record SearchEntryRow(long Rowid, string Title, string Text);

/// <summary>
/// Builds the full-text index of a first import on the other core, while the importer stores the
/// rows: FTS5 indexes on one thread, and SQLite takes one writer per file, so the index is built
/// in a side database file beside the archive and copied into it, shadow table by shadow table,
/// in one transaction at the end. The side file is scratch: a crash leaves the archive's index
/// suspended, and the next import rebuilds it from the tables (<see cref="SearchIndexRebuild"/>).
/// </summary>
public sealed class SearchIndexBuilder : IAsyncDisposable
{
    // The tables an external-content FTS5 table keeps its index in; "SearchEntries_config" holds its version.
    private static readonly string[] ShadowTables = ["data", "idx", "docsize", "config"];

    private static readonly string[] ColumnParameters = ["$rowid", "$title", "$text"];

    private readonly Channel<IReadOnlyList<SearchEntryRow>> _queue =
        Channel.CreateBounded<IReadOnlyList<SearchEntryRow>>(new BoundedChannelOptions(64) { SingleReader = true, SingleWriter = true });

    private readonly string _path;
    private readonly Task _worker;

    private SearchIndexBuilder(string path, string createIndex)
    {
        _path = path;
        _worker = Task.Run(() => BuildAsync(createIndex));
    }

    /// <param name="archivePath">The archive's database file; the side file goes beside it.</param>
    /// <param name="createIndex">The archive's own CREATE VIRTUAL TABLE statement, so both indexes are alike.</param>
    public static SearchIndexBuilder Start(string archivePath, string createIndex)
    {
        ArgumentException.ThrowIfNullOrEmpty(archivePath);
        var path = ScratchPath(archivePath);
        DeleteFiles(path);
        return new SearchIndexBuilder(path, createIndex);
    }

    /// <summary>Removes a side file an interrupted import left beside the archive.</summary>
    public static void DeleteLeftovers(string archivePath) => DeleteFiles(ScratchPath(archivePath));

    private static string ScratchPath(string archivePath) => archivePath + ".search-build";

    /// <summary>Queues committed rows for indexing; waits when the indexer is far behind, so memory stays bounded.</summary>
    public ValueTask AddAsync(IReadOnlyList<SearchEntryRow> rows, CancellationToken cancellationToken) =>
        rows.Count == 0 ? ValueTask.CompletedTask : _queue.Writer.WriteAsync(rows, cancellationToken);

    /// <summary>
    /// Waits for the indexer, then replaces the archive's (empty) index with the one built, and
    /// resumes the triggers, in one transaction on <paramref name="archive"/>.
    /// </summary>
    public async Task InstallAsync(DbConnection archive, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(archive);
        _queue.Writer.TryComplete();
        await _worker;
        await SearchIndexRebuild.ExecuteAsync(archive, null, $"ATTACH DATABASE '{_path.Replace("'", "''", StringComparison.Ordinal)}' AS built", cancellationToken);
        try
        {
            await using var transaction = await archive.BeginTransactionAsync(cancellationToken);
            foreach (var table in ShadowTables)
            {
                await SearchIndexRebuild.ExecuteAsync(archive, transaction, $"DELETE FROM main.SearchEntries_{table}", cancellationToken);
                await SearchIndexRebuild.ExecuteAsync(archive, transaction, $"INSERT INTO main.SearchEntries_{table} SELECT * FROM built.SearchEntries_{table}", cancellationToken);
            }

            await SearchIndexRebuild.ExecuteAsync(archive, transaction, "UPDATE SearchIndexState SET Suspended = 0", cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        finally
        {
            await SearchIndexRebuild.ExecuteAsync(archive, null, "DETACH DATABASE built", CancellationToken.None);
        }
    }

    private async Task BuildAsync(string createIndex)
    {
        try
        {
            await BuildCoreAsync(createIndex);
        }
        catch (Exception e)
        {
            // The importer's next AddAsync fails instead of waiting on a queue no one reads.
            _queue.Writer.TryComplete(e);
            throw;
        }
    }

    private async Task BuildCoreAsync(string createIndex)
    {
        await using var side = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = _path, Pooling = false }.ToString());
        await side.OpenAsync();
        // Scratch: nothing to recover if the machine stops, so no journal and no syncs.
        await SearchIndexRebuild.ExecuteAsync(side, null, "PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA cache_size=-32768; PRAGMA temp_store=MEMORY;", CancellationToken.None);
        await SearchIndexRebuild.ExecuteAsync(side, null, createIndex, CancellationToken.None);
        await using var transaction = (SqliteTransaction)await side.BeginTransactionAsync();
        await using var insert = side.CreateCommand();
        insert.Transaction = transaction;
        // The side file has no SearchContent view: FTS5 reads an external-content table's content only to delete or snippet.
        insert.CommandText = "INSERT INTO SearchEntries (rowid, Title, Text) VALUES ($rowid, $title, $text)";
        var parameters = ColumnParameters.Select(name => insert.Parameters.Add(new SqliteParameter { ParameterName = name })).ToArray();
        insert.Prepare();
        await foreach (var rows in _queue.Reader.ReadAllAsync())
        {
            foreach (var row in rows)
            {
                parameters[0].Value = row.Rowid;
                parameters[1].Value = row.Title;
                parameters[2].Value = row.Text;
                await insert.ExecuteNonQueryAsync();
            }
        }

        await transaction.CommitAsync();
    }

    private static void DeleteFiles(string path)
    {
        foreach (var file in new[] { path, path + "-journal", path + "-wal", path + "-shm" })
        {
            File.Delete(file);
        }
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        try
        {
            await _worker;
        }
        catch (Exception e) when (e is SqliteException or IOException or ChannelClosedException or OperationCanceledException)
        {
            // Scratch work: the caller falls back to a rebuild when the index was not installed.
        }

        DeleteFiles(_path);
    }
}
