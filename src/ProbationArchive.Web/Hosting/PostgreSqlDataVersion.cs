using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using ProbationArchive.Core.Data;

namespace ProbationArchive.Web.Hosting;

/// <summary>
/// PostgreSQL's <see cref="IArchiveDataVersion"/>, for any number of nodes on one database. Every
/// transaction that changes what pages show bumps the row <c>"ArchiveVersion"</c> once and, on
/// commit, notifies channel <c>archive_version</c> with the new number (the migration
/// SearchIndexAndDataVersion). This node listens on a connection of its own and keeps the last
/// number it was told, so a request costs no round trip: <see cref="Check"/> reads a field. The
/// number is read from the row after LISTEN, so nothing committed in between is missed. While the
/// listening connection is down (the server restarting, the network), the version is unknown and
/// the output cache is bypassed; on reconnecting, the row is read again.
/// </summary>
internal sealed class PostgreSqlDataVersion : IArchiveDataVersion
{
    public const string Channel = "archive_version";

    private static readonly TimeSpan Retry = TimeSpan.FromSeconds(1);

    private readonly CancellationTokenSource _stopping = new();
    private readonly string _connectionString;
    private readonly ILogger<PostgreSqlDataVersion> _logger;
    private readonly Lock _gate = new();
    private readonly Task _listener;
    private long? _current;
    private long? _lastChecked;
    private string _lastText = "";

    public PostgreSqlDataVersion(IServiceScopeFactory scopes, ILogger<PostgreSqlDataVersion> logger)
    {
        using var scope = scopes.CreateScope();
        _connectionString = scope.ServiceProvider.GetRequiredService<ArchiveDbContext>().Database.GetConnectionString()!;
        _logger = logger;
        _listener = Task.Run(() => ListenAsync(_stopping.Token));
    }

    public (string Version, string? Replaced)? Check()
    {
        lock (_gate)
        {
            if (_current is not { } current)
            {
                return null;
            }

            if (current == _lastChecked)
            {
                return (_lastText, null);
            }

            var replaced = _lastChecked is null ? null : _lastText;
            _lastChecked = current;
            _lastText = current.ToString(CultureInfo.InvariantCulture);
            return (_lastText, replaced);
        }
    }

    public long? Current()
    {
        lock (_gate)
        {
            return _current;
        }
    }

    private async Task ListenAsync(CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(_connectionString) { Pooling = false, KeepAlive = 10 }.ToString());
                await connection.OpenAsync(stopping);
                connection.Notification += (_, e) => Set(long.Parse(e.Payload, CultureInfo.InvariantCulture));
                await using (var listen = new NpgsqlCommand($"LISTEN {Channel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stopping);
                }

                await using (var read = new NpgsqlCommand("""SELECT "Version" FROM "ArchiveVersion" WHERE "Id" = 1""", connection))
                {
                    Set((long)(await read.ExecuteScalarAsync(stopping))!);
                }

                while (true)
                {
                    await connection.WaitAsync(stopping);
                }
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is NpgsqlException or InvalidOperationException or TimeoutException or IOException)
            {
                lock (_gate)
                {
                    _current = null;
                }

                _logger.LogWarning(e, "Not listening for archive changes; pages are rendered uncached until the database answers again");
                await Task.Delay(Retry, stopping).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    /// <summary>Versions only grow: a notification overtaken by the row read changes nothing.</summary>
    private void Set(long version)
    {
        lock (_gate)
        {
            if (_current is null || version > _current)
            {
                _current = version;
            }
        }
    }

    public void Dispose()
    {
        _stopping.Cancel();
        try
        {
            _listener.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
            // Stopping: the listener's own failure no longer matters.
        }

        _stopping.Dispose();
    }
}
