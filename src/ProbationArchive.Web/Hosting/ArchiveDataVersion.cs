using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using ProbationArchive.Core.Data;

namespace ProbationArchive.Web.Hosting;

/// <summary>
/// Tells whether any other connection, in this process or another (the import command), has
/// committed to the archive since the last call. <c>PRAGMA data_version</c> changes exactly then,
/// but only as seen from one connection, so this holds a connection of its own, open for the
/// app's lifetime.
/// </summary>
internal sealed class ArchiveDataVersion : IDisposable
{
    private readonly Lock _gate = new();
    private readonly SqliteConnection _connection;
    private readonly SqliteCommand _query;
    private long _last;

    public ArchiveDataVersion(IServiceScopeFactory scopes)
    {
        using var scope = scopes.CreateScope();
        var connectionString = scope.ServiceProvider.GetRequiredService<ArchiveDbContext>().Database.GetConnectionString();
        _connection = new SqliteConnection(connectionString);
        _connection.Open();
        _query = _connection.CreateCommand();
        _query.CommandText = "PRAGMA data_version";
        _last = Read();
    }

    /// <summary>
    /// The archive's current version as seen from this connection, and whether it moved since the
    /// last call. An unreadable archive counts as a change to a version of its own, so nothing
    /// cached is served while it is.
    /// </summary>
    public (long Version, bool Changed) Check()
    {
        lock (_gate)
        {
            long current;
            try
            {
                current = Read();
            }
            catch (SqliteException)
            {
                current = -1;
            }

            var changed = current != _last;
            _last = current;
            return (current, changed);
        }
    }

    private long Read() => (long)_query.ExecuteScalar()!;

    public void Dispose()
    {
        _query.Dispose();
        _connection.Dispose();
    }
}
