using ProbationArchive.TestSupport;
using ProbationArchive.Web.Tests.Support;

namespace ProbationArchive.Web.Tests.PostgreSql;

/// <summary>The real app over a throwaway PostgreSQL database (<see cref="PostgreSqlTestDatabase"/>), seeded by the real importer at start.</summary>
public class PostgreSqlArchiveWebFactory : ArchiveWebFactory
{
    private readonly Lazy<string> _database;
    private readonly bool _ownsDatabase;

    public PostgreSqlArchiveWebFactory()
        : this(() => PostgreSqlTestDatabase.CreateAsync().GetAwaiter().GetResult(), ownsDatabase: true)
    {
    }

    /// <param name="database">The connection string, made when the app first needs it.</param>
    /// <param name="ownsDatabase">Drop the database when disposed.</param>
    protected PostgreSqlArchiveWebFactory(Func<string> database, bool ownsDatabase)
    {
        _database = new(database);
        _ownsDatabase = ownsDatabase;
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
