using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using ProbationArchive.Core.Data;

namespace ProbationArchive.Data.PostgreSql;

/// <summary>
/// Lets <c>dotnet ef</c> build the PostgreSQL model without a database (adding a migration does not connect):
/// <c>dotnet ef migrations add NAME --project src/ProbationArchive.Data.PostgreSql --output-dir Migrations</c>.
/// </summary>
public sealed class PostgreSqlDesignTimeFactory : IDesignTimeDbContextFactory<ArchiveDbContext>
{
    public ArchiveDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<ArchiveDbContext>();
        options.UseArchiveStore(ArchiveProvider.PostgreSql, "Host=localhost;Database=design_time", AppContext.BaseDirectory);
        return new ArchiveDbContext(options.Options);
    }
}
