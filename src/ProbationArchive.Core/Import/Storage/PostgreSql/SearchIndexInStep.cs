using ProbationArchive.Core.Search;

namespace ProbationArchive.Core.Import.Storage.PostgreSql;

/// <summary>
/// PostgreSQL's search index during an import: nothing to do. Each post's and comment's
/// <c>tsvector</c> is a generated column, written with the row in the row's own transaction, so
/// the index is never suspended, built aside or rebuilt (the migration SearchIndexAndDataVersion).
/// </summary>
internal sealed class SearchIndexInStep : ISearchIndexDuringImport
{
    public bool IsSuspended => false;

    public bool IsBuildingAlongside => false;

    public void BeforeStore()
    {
    }

    public Task AfterStoreAsync(IReadOnlyList<SearchEntryRow>? added, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task<TimeSpan?> FinishAsync(CancellationToken cancellationToken) => Task.FromResult<TimeSpan?>(null);

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
