using ProbationArchive.Core.Search;

namespace ProbationArchive.Core.Import.Storage;

/// <summary>How the search index follows what an import run stores (SQLite's FTS5 index may be suspended and rebuilt; PostgreSQL's never lags).</summary>
internal interface ISearchIndexDuringImport : IAsyncDisposable
{
    bool IsSuspended { get; }

    /// <summary>The index is being built beside the archive, to be installed rather than rebuilt at the end.</summary>
    bool IsBuildingAlongside { get; }

    /// <summary>Call before each file's savepoint: a file that fails must not undo the suspension.</summary>
    void BeforeStore();

    /// <summary>Call once a file's changes are kept: with the entries of the rows it added, or null when it rewrote stored text.</summary>
    Task AfterStoreAsync(IReadOnlyList<SearchEntryRow>? added, CancellationToken cancellationToken);

    /// <summary>Brings the index up to date if this run (or an interrupted earlier one) suspended it; returns how long that took.</summary>
    Task<TimeSpan?> FinishAsync(CancellationToken cancellationToken);
}
