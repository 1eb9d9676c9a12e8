using System.Data.Common;
using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using ProbationArchive.Core.Data;
using ProbationArchive.Core.Search;

namespace ProbationArchive.Core.Import;

/// <summary>
/// Decides, during a run, how the search index follows what is stored:
/// <list type="bullet">
/// <item>a first import into an empty archive suspends the triggers and builds the index beside
/// the archive on the other core (<see cref="SearchIndexBuilder"/>), installed at the end; if a
/// file has to merge, that side index is given up for a rebuild;</item>
/// <item>otherwise the triggers index row by row until the run has stored a quarter as many files
/// as the archive held when it began; then they are suspended and the index is rebuilt once at
/// the end (a rebuild costs in proportion to the whole archive, the triggers about four times as
/// much per byte stored);</item>
/// <item>a run that finds them suspended by an earlier, interrupted one rebuilds too.</item>
/// </list>
/// </summary>
internal sealed class SearchIndexDeferral : IAsyncDisposable
{
    private readonly ArchiveDbContext _db;
    private readonly DbConnection _connection;
    private readonly int _storesBeforeSuspending;
    private SearchIndexBuilder? _builder;
    private int _stores;

    private SearchIndexDeferral(ArchiveDbContext db, int storesBeforeSuspending, bool suspended)
    {
        _db = db;
        _connection = db.Database.GetDbConnection();
        _storesBeforeSuspending = storesBeforeSuspending;
        IsSuspended = suspended;
    }

    public bool IsSuspended { get; private set; }

    /// <summary>The index is being built beside the archive, to be installed rather than rebuilt at the end.</summary>
    public bool IsBuildingAlongside => _builder is not null;

    public static async Task<SearchIndexDeferral> StartAsync(ArchiveDbContext db, CancellationToken cancellationToken)
    {
        var connection = db.Database.GetDbConnection();
        var suspended = await SearchIndexRebuild.IsSuspendedAsync(connection, cancellationToken);
        var filesAtStart = await db.SourceFiles.CountAsync(cancellationToken);
        var deferral = new SearchIndexDeferral(db, filesAtStart / 4, suspended);
        var file = connection is SqliteConnection { DataSource: { Length: > 0 } source } && source != ":memory:" ? source : null;
        if (file is not null)
        {
            SearchIndexBuilder.DeleteLeftovers(file);
        }

        if (!suspended && filesAtStart == 0 && file is not null && !await db.Posts.AnyAsync(cancellationToken))
        {
            await SearchIndexRebuild.SuspendAsync(connection, null, cancellationToken);
            deferral.IsSuspended = true;
            deferral._builder = SearchIndexBuilder.Start(file, await SearchIndexRebuild.DefinitionAsync(connection, null, cancellationToken));
        }

        return deferral;
    }

    /// <summary>Call before each file is stored, outside its savepoint: a file that fails must not undo the suspension.</summary>
    public async Task BeforeStoreAsync(CancellationToken cancellationToken)
    {
        if (!IsSuspended && _stores >= _storesBeforeSuspending)
        {
            await SearchIndexRebuild.SuspendAsync(_connection, _db.Database.CurrentTransaction?.GetDbTransaction(), cancellationToken);
            IsSuspended = true;
        }

        _stores++;
    }

    /// <summary>Call once a file's changes are kept: with the entries of the rows it inserted, or null when it merged.</summary>
    public async Task AfterStoreAsync(IReadOnlyList<SearchEntryRow>? inserted, CancellationToken cancellationToken)
    {
        if (_builder is null)
        {
            return;
        }

        if (inserted is not null)
        {
            try
            {
                // A copy: the writer reuses its list for the next file while the builder is still reading this one.
                await _builder.AddAsync([.. inserted], cancellationToken);
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
            await _builder.InstallAsync(_connection, cancellationToken);
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
