using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using ProbationArchive.Core.Data;
using SQLitePCL;

namespace ProbationArchive.Web.Hosting;

/// <summary>
/// SQLite's <see cref="IArchiveDataVersion"/>. Tells whether any other connection, in this process or another (the import command), has
/// committed to the archive since the last call. <c>PRAGMA data_version</c> changes exactly then,
/// but only as seen from one connection, so this holds a connection of its own, open for the
/// app's lifetime. It runs before every output-cache lookup, so the check is kept to the
/// minimum: one statement prepared once and stepped under a short lock (a statement serves one
/// caller at a time), no data reader or boxed value per call, and the version's text made once
/// per change rather than once per request.
/// </summary>
internal sealed class SqliteDataVersion : IArchiveDataVersion
{
    private readonly Lock _gate = new();
    private readonly SqliteConnection _connection;
    private readonly sqlite3_stmt _statement;
    private long _last;
    private string _lastText;

    public SqliteDataVersion(IServiceScopeFactory scopes)
    {
        using var scope = scopes.CreateScope();
        var connectionString = scope.ServiceProvider.GetRequiredService<ArchiveDbContext>().Database.GetConnectionString();
        _connection = new SqliteConnection(connectionString);
        _connection.Open();
        // SQLitePCL's own API on Microsoft.Data.Sqlite's handle: SqliteCommand.ExecuteScalar would
        // allocate a data reader and box the result on every request.
        SqliteException.ThrowExceptionForRC(raw.sqlite3_prepare_v2(_connection.Handle, "PRAGMA data_version", out _statement), _connection.Handle);
        // Unreadable just now: whatever is read first counts as a change, which evicts nothing yet.
        _last = Read() ?? long.MinValue;
        _lastText = Text(_last);
    }

    /// <inheritdoc />
    /// <remarks>Null when the file is busy just now, e.g. during WAL recovery.</remarks>
    public (string Version, string? Replaced)? Check()
    {
        lock (_gate)
        {
            if (Read() is not { } current)
            {
                return null;
            }

            if (current == _last)
            {
                return (_lastText, null);
            }

            var replaced = _lastText;
            _last = current;
            _lastText = Text(current);
            return (_lastText, replaced);
        }
    }

    /// <summary>
    /// The archive's current version, without marking it seen: for what is computed once per
    /// version (<see cref="Reading.ArchiveFacts"/>), which must not take a change from the cache's
    /// own check. Null when it cannot be read just now.
    /// </summary>
    public long? Current()
    {
        lock (_gate)
        {
            return Read();
        }
    }

    /// <summary>Steps the statement once; no busy wait, since every request waits on this lock meanwhile.</summary>
    private long? Read()
    {
        try
        {
            return raw.sqlite3_step(_statement) == raw.SQLITE_ROW ? raw.sqlite3_column_int64(_statement, 0) : null;
        }
        finally
        {
            raw.sqlite3_reset(_statement);
        }
    }

    private static string Text(long version) => version.ToString(CultureInfo.InvariantCulture);

    public void Dispose()
    {
        // The statement first: the connection goes back to Microsoft.Data.Sqlite's pool on dispose.
        _statement.Dispose();
        _connection.Dispose();
    }
}
