using System.Diagnostics;
using Microsoft.Data.Sqlite;
using ProbationArchive.Core.Data;
using ProbationArchive.Core.Search;

namespace ProbationArchive.Core.Import.Storage;

/// <summary>
/// How the search index follows what an import run stores:
/// <list type="bullet">
/// <item>a first import into an empty archive suspends the triggers and builds the index beside
/// the archive on the other core (<see cref="SearchIndexBuilder"/>), installed at the end; if a
/// page rewrites stored text, that side index is given up for a rebuild;</item>
/// <item>otherwise the triggers index row by row until the run has stored a quarter as many files
/// as the archive held when it began; then they are suspended and the index is rebuilt once at
/// the end (a rebuild costs in proportion to the whole archive, the triggers about four times as
/// much per byte stored);</item>
/// <item>a run that finds them suspended by an earlier, interrupted one rebuilds too.</item>
/// </list>
/// </summary>
internal sealed class SearchIndexDuringImport : ISearchIndexDuringImport
{
    private readonly SqliteConnection _connection;
    private readonly int _storesBeforeSuspending;
    private SearchIndexBuilder? _builder;
    private int _stores;

    private SearchIndexDuringImport(SqliteConnection connection, int storesBeforeSuspending, bool suspended)
    {
        _connection = connection;
        _storesBeforeSuspending = storesBeforeSuspending;
        IsSuspended = suspended;
    }

    public bool IsSuspended { get; private set; }

    /// <summary>The index is being built beside the archive, to be installed rather than rebuilt at the end.</summary>
    public bool IsBuildingAlongside => _builder is not null;

    public static async Task<SearchIndexDuringImport> StartAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        var suspended = await SearchIndexRebuild.IsSuspendedAsync(connection, cancellationToken);
        using var counts = new SqliteStatement(connection, "SELECT (SELECT count(*) FROM SourceFiles), EXISTS (SELECT 1 FROM Posts)");
        counts.Read();
        var filesAtStart = counts.Int32(0);
        var isEmpty = filesAtStart == 0 && !counts.Boolean(1);
        counts.Reset();

        var index = new SearchIndexDuringImport(connection, filesAtStart / 4, suspended);
        var file = connection.DataSource is { Length: > 0 } source && source != ":memory:" ? source : null;
        if (file is not null)
        {
            SearchIndexBuilder.DeleteLeftovers(file);
        }

        if (!suspended && isEmpty && file is not null)
        {
            await SearchIndexRebuild.SuspendAsync(connection, null, cancellationToken);
            index.IsSuspended = true;
            index._builder = SearchIndexBuilder.Start(file, await SearchIndexRebuild.DefinitionAsync(connection, null, cancellationToken));
        }

        return index;
    }

    /// <summary>Call before each file's savepoint: a file that fails must not undo the suspension.</summary>
    public void BeforeStore()
    {
        if (!IsSuspended && _stores >= _storesBeforeSuspending)
        {
            SqliteStatement.Run(_connection, "UPDATE SearchIndexState SET Suspended = 1");
            IsSuspended = true;
        }

        _stores++;
    }

    /// <summary>Call once a file's changes are kept: with the entries of the rows it added, or null when it rewrote stored text.</summary>
    public async Task AfterStoreAsync(IReadOnlyList<SearchEntryRow>? added, CancellationToken cancellationToken)
    {
        if (_builder is null)
        {
            return;
        }

        if (added is not null)
        {
            try
            {
                // A copy: the run reuses its list for the next file while the builder is still reading this one.
                await _builder.AddAsync([.. added], cancellationToken);
                return;
            }
            catch (System.Threading.Channels.ChannelClosedException)
            {
                // The side index failed; the rebuild at the end covers everything.
            }
        }

        await _builder.DisposeAsync();
        _builder = null;
    }

    /// <summary>Brings the index up to date if this run (or an interrupted earlier one) suspended it; returns how long that took.</summary>
    public async Task<TimeSpan?> FinishAsync(CancellationToken cancellationToken)
    {
        if (!IsSuspended)
        {
            return null;
        }

        var clock = Stopwatch.StartNew();
        if (_builder is not null)
        {
            await _builder.InstallAsync(_connection.DataSource, cancellationToken);
        }
        else
        {
            await SearchIndexRebuild.RebuildAsync(_connection, cancellationToken);
        }

        IsSuspended = false;
        return clock.Elapsed;
    }

    public async ValueTask DisposeAsync()
    {
        if (_builder is not null)
        {
            await _builder.DisposeAsync();
        }
    }
}
