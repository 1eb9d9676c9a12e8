using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using ProbationArchive.Core.Data;

namespace ProbationArchive.TestSupport;

/// <summary>
/// Throwaway PostgreSQL databases for tests that run on both providers. The server is named by
/// <see cref="Variable"/>, a connection string for a role that may create databases; .ci/run
/// starts PostgreSQL and sets it. Unset (a machine without PostgreSQL), a PostgreSQL test is
/// skipped and says why; set, a server that cannot be reached fails the test, so CI never skips.
/// Each database is a copy of one migrated template made once per test run, so a test does not
/// pay for the migrations.
/// </summary>
public static class PostgreSqlTestDatabase
{
    public const string Variable = "ARCHIVE_TEST_POSTGRES";

    /// <summary>Every database a test run makes starts with this, so .ci/run can drop leftovers of a killed run.</summary>
    public const string Prefix = "pa_test_";

    private static readonly SemaphoreSlim TemplateGate = new(1, 1);
    private static string? _template;

    public static string? Server => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value ? value : null;

    /// <summary>Skips the calling test (from its constructor or body) when no server is named; returns it otherwise.</summary>
    public static string RequireServer()
    {
        if (Server is not { } server)
        {
            Assert.Skip($"This test runs on PostgreSQL: set {Variable} to a connection string for a role that may create databases (.ci/run starts a server and sets it).");
            throw new UnreachableException();
        }

        return server;
    }

    /// <summary>A new, migrated, empty archive database; its connection string.</summary>
    public static async Task<string> CreateAsync()
    {
        var server = RequireServer();

        var template = await TemplateAsync(server);
        var name = Prefix + Guid.NewGuid().ToString("N");
        await ExecuteAsync(server, $"CREATE DATABASE {name} TEMPLATE {template}");
        return For(server, name);
    }

    /// <summary>A new database with nothing in it, not even the migrations; its connection string.</summary>
    public static async Task<string> CreateEmptyAsync()
    {
        var server = RequireServer();
        var name = Prefix + Guid.NewGuid().ToString("N");
        await ExecuteAsync(server, $"CREATE DATABASE {name}");
        return For(server, name);
    }

    public static async Task DropAsync(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database!;
        await using (var connection = new NpgsqlConnection(connectionString))
        {
            NpgsqlConnection.ClearPool(connection);
        }

        await ExecuteAsync(Server!, $"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
    }

    private static async Task<string> TemplateAsync(string server)
    {
        await TemplateGate.WaitAsync();
        try
        {
            if (_template is not null)
            {
                return _template;
            }

            var name = $"{Prefix}template_{Guid.NewGuid():N}";
            await ExecuteAsync(server, $"CREATE DATABASE {name}");
            var connectionString = For(server, name);
            var options = new DbContextOptionsBuilder<ArchiveDbContext>();
            options.UseArchiveStore(ArchiveProvider.PostgreSql, connectionString, AppContext.BaseDirectory);
            await using (var db = new ArchiveDbContext(options.Options))
            {
                await ArchiveDatabase.MigrateAsync(db, CancellationToken.None);
            }

            // A template cannot be copied while anyone is connected to it.
            await using (var connection = new NpgsqlConnection(connectionString))
            {
                NpgsqlConnection.ClearPool(connection);
            }

            AppDomain.CurrentDomain.ProcessExit += (_, _) => ExecuteAsync(server, $"DROP DATABASE IF EXISTS {name} WITH (FORCE)").GetAwaiter().GetResult();
            return _template = name;
        }
        finally
        {
            TemplateGate.Release();
        }
    }

    private static string For(string server, string database) =>
        new NpgsqlConnectionStringBuilder(server) { Database = database }.ToString();

    private static async Task ExecuteAsync(string server, string sql)
    {
        await using var connection = new NpgsqlConnection(server);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
