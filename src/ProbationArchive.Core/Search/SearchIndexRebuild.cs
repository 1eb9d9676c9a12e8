using System.Data.Common;

namespace ProbationArchive.Core.Search;

/// <summary>
/// Suspends the triggers that keep the full-text index in step, and rebuilds the index from the
/// posts and comments in one statement each. A bulk import does both: FTS5 indexes text several
/// times faster in one large transaction than row by row across thousands of small ones.
/// The suspension is stored in the archive, so it outlives a crashed import; until the
/// rebuild, search answers from the index as it was (docs/search-and-feeds.md).
/// </summary>
public static class SearchIndexRebuild
{
    public static async Task<bool> IsSuspendedAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT Suspended FROM SearchIndexState";
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture) != 0;
    }

    /// <summary>From now on (once <paramref name="transaction"/>, if any, commits), writes leave the index alone until <see cref="RebuildAsync"/>.</summary>
    public static Task SuspendAsync(DbConnection connection, DbTransaction? transaction, CancellationToken cancellationToken) =>
        ExecuteAsync(connection, transaction, "UPDATE SearchIndexState SET Suspended = 1", cancellationToken);

    /// <summary>
    /// Replaces the index with one built from every post and comment, and resumes the triggers,
    /// in one transaction: readers see the old index or the new one, never half of it. FTS5's
    /// 'rebuild' empties the index and reads every entry back through the SearchContent view.
    /// </summary>
    public static async Task RebuildAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await ExecuteAsync(connection, transaction, "INSERT INTO SearchEntries (SearchEntries) VALUES ('rebuild')", cancellationToken);
        await ExecuteAsync(connection, transaction, "UPDATE SearchIndexState SET Suspended = 0", cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>The index's CREATE VIRTUAL TABLE statement, as the migrations made it.</summary>
    public static async Task<string> DefinitionAsync(DbConnection connection, DbTransaction? transaction, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        await using var definition = connection.CreateCommand();
        definition.Transaction = transaction;
        definition.CommandText = "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'SearchEntries'";
        return (string?)await definition.ExecuteScalarAsync(cancellationToken)
            ?? throw new InvalidOperationException("The archive has no SearchEntries table; run the migrations first.");
    }

    internal static async Task ExecuteAsync(DbConnection connection, DbTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
