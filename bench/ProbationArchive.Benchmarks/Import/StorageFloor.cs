using Microsoft.Data.Sqlite;

namespace ProbationArchive.Benchmarks.Import;

/// <summary>
/// The floor under the importer: SQLite alone, on one thread, storing what the importer stored.
/// Into a fresh archive with the same schema and indexes (the migrations'), it copies every row
/// of the importer's archive with INSERT … SELECT, then builds the full-text index over every
/// title, body and comment (FTS5's 'rebuild'), all in one transaction, with the connection set up
/// as the importer sets up its own. No file is read or parsed and nothing is decided: the
/// storage work alone, done the fastest way SQLite knows.
/// </summary>
internal static class StorageFloor
{
    private static readonly string[] TablesInForeignKeyOrder =
        ["SourceFiles", "ImportDiagnostics", "Labels", "Posts", "PostLabels", "PostSources", "Comments"];

    public static Task<(int Files, TimeSpan SearchIndex)> CopyAsync(string connectionString, string importedArchive)
    {
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        Run(connection, "PRAGMA synchronous = NORMAL");
        Run(connection, "PRAGMA cache_size = -65536");
        Run(connection, $"ATTACH DATABASE '{importedArchive.Replace("'", "''", StringComparison.Ordinal)}' AS imported");
        using (var transaction = connection.BeginTransaction())
        {
            Run(connection, "UPDATE main.SearchIndexState SET Suspended = 1");
            foreach (var table in TablesInForeignKeyOrder)
            {
                Run(connection, $"INSERT INTO main.\"{table}\" SELECT * FROM imported.\"{table}\"");
            }

            var index = System.Diagnostics.Stopwatch.StartNew();
            Run(connection, "INSERT INTO main.SearchEntries (SearchEntries) VALUES ('rebuild')");
            Run(connection, "UPDATE main.SearchIndexState SET Suspended = 0");
            transaction.Commit();
            Run(connection, "DETACH DATABASE imported");
            return Task.FromResult((Count(connection, "SourceFiles"), index.Elapsed));
        }
    }

    private static void Run(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static int Count(SqliteConnection connection, string table)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT count(*) FROM \"{table}\"";
        return Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
