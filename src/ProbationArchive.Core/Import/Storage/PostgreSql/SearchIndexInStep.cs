using Npgsql;
using ProbationArchive.Core.Search;

namespace ProbationArchive.Core.Import.Storage.PostgreSql;

/// <summary>
/// PostgreSQL's search index during an import: never suspended, built aside or rebuilt. Each
/// post's and comment's <c>tsvector</c> is a generated column, written with the row in the row's
/// own transaction (the migration SearchIndexAndDataVersion). What a bulk import does leave stale
/// is the planner's statistics: until autovacuum comes round, the planner takes the tables for as
/// small as they were, and the reading pages and search ran seconds instead of milliseconds on the
/// benchmark corpus. So a run that stored anything ends with ANALYZE of the archive's tables.
/// </summary>
internal sealed class SearchIndexInStep(NpgsqlConnection connection) : ISearchIndexDuringImport
{
    private const string Analyze = """ANALYZE "Posts", "Comments", "Labels", "PostLabels", "PostSources", "SourceFiles", "ImportDiagnostics" """;

    private int _stores;

    public bool IsSuspended => false;

    public bool IsBuildingAlongside => false;

    public void BeforeStore() => _stores++;

    public Task AfterStoreAsync(IReadOnlyList<SearchEntryRow>? added, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <returns>Null: the index was kept in step (the statistics' refresh is not the index's).</returns>
    public async Task<TimeSpan?> FinishAsync(CancellationToken cancellationToken)
    {
        if (_stores > 0)
        {
            await using var command = new NpgsqlCommand(Analyze, connection);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        return null;
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
