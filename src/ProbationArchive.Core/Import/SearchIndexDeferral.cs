using System.Data.Common;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using ProbationArchive.Core.Data;
using ProbationArchive.Core.Search;

namespace ProbationArchive.Core.Import;

/// <summary>
/// Decides, during a run, when to stop indexing row by row and rebuild the search index once at
/// the end instead. A rebuild costs in proportion to the whole archive, the triggers in proportion
/// to what is stored, about four times as much per byte; so a run suspends them once it has
/// stored a quarter as many files as the archive held when it began (at once into an empty
/// archive), and a run that finds them suspended by an earlier, interrupted one rebuilds too.
/// </summary>
internal sealed class SearchIndexDeferral
{
    private readonly ArchiveDbContext _db;
    private readonly DbConnection _connection;
    private readonly int _storesBeforeSuspending;
    private int _stores;

    private SearchIndexDeferral(ArchiveDbContext db, int storesBeforeSuspending, bool suspended)
    {
        _db = db;
        _connection = db.Database.GetDbConnection();
        _storesBeforeSuspending = storesBeforeSuspending;
        IsSuspended = suspended;
    }

    public bool IsSuspended { get; private set; }

    public static async Task<SearchIndexDeferral> StartAsync(ArchiveDbContext db, CancellationToken cancellationToken)
    {
        var suspended = await SearchIndexRebuild.IsSuspendedAsync(db.Database.GetDbConnection(), cancellationToken);
        var filesAtStart = await db.SourceFiles.CountAsync(cancellationToken);
        return new SearchIndexDeferral(db, filesAtStart / 4, suspended);
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

    /// <summary>Rebuilds the index if this run (or an interrupted earlier one) suspended it; returns how long that took.</summary>
    public async Task<TimeSpan?> FinishAsync(CancellationToken cancellationToken)
    {
        if (!IsSuspended)
        {
            return null;
        }

        var clock = Stopwatch.StartNew();
        await SearchIndexRebuild.RebuildAsync(_connection, cancellationToken);
        IsSuspended = false;
        return clock.Elapsed;
    }
}
