using ProbationArchive.TestSupport;
using ProbationArchive.Web.Tests.Support;

namespace ProbationArchive.Web.Tests.PostgreSql;

/// <summary>The real app over a throwaway PostgreSQL database (<see cref="PostgreSqlTestDatabase"/>), seeded by the real importer at start.</summary>
public class PostgreSqlArchiveWebFactory : ArchiveWebFactory
{
    private readonly Lazy<string> _database;
    private readonly bool _ownsDatabase;

    public PostgreSqlArchiveWebFactory()
    {
        _database = new(() => PostgreSqlTestDatabase.CreateAsync().GetAwaiter().GetResult());
        _ownsDatabase = true;
    }

    /// <summary>Another node on the database of <paramref name="first"/>, which keeps it.</summary>
    public PostgreSqlArchiveWebFactory(PostgreSqlArchiveWebFactory first)
    {
        ArgumentNullException.ThrowIfNull(first);
        _database = new(() => first.ConnectionString);
    }

    public string ConnectionString => _database.Value;

    public override IReadOnlyDictionary<string, string> StoreSettings => new Dictionary<string, string>
    {
        ["Archive:Provider"] = "PostgreSQL",
        ["ConnectionStrings:Archive"] = ConnectionString,
    };

    /// <summary>Without a server the app is not started: each test skips itself (<see cref="PostgreSqlTestDatabase.RequireServer"/>).</summary>
    public override ValueTask InitializeAsync() => PostgreSqlTestDatabase.Server is null ? ValueTask.CompletedTask : base.InitializeAsync();

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_ownsDatabase && _database.IsValueCreated)
        {
            await PostgreSqlTestDatabase.DropAsync(_database.Value);
        }

        GC.SuppressFinalize(this);
    }
}
