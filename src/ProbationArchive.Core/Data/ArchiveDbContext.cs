using Microsoft.EntityFrameworkCore;
using ProbationArchive.Core.Archive;

namespace ProbationArchive.Core.Data;

/// <summary>
/// The archive's SQLite store. Schema changes go through migrations, from the repository root:
/// <c>dotnet ef migrations add NAME --project src/ProbationArchive.Core --output-dir Data/Migrations</c>.
/// </summary>
public sealed class ArchiveDbContext(DbContextOptions<ArchiveDbContext> options) : DbContext(options)
{
    public DbSet<Post> Posts => Set<Post>();

    public DbSet<Comment> Comments => Set<Comment>();

    public DbSet<Label> Labels => Set<Label>();

    public DbSet<PostLabel> PostLabels => Set<PostLabel>();

    public DbSet<SourceFile> SourceFiles => Set<SourceFile>();

    public DbSet<ImportDiagnostic> ImportDiagnostics => Set<ImportDiagnostic>();

    public DbSet<PostSource> PostSources => Set<PostSource>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(ArchiveDbContext).Assembly);
}
