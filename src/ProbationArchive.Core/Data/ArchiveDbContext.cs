using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using ProbationArchive.Core.Archive;

namespace ProbationArchive.Core.Data;

/// <summary>
/// The archive's store, SQLite or PostgreSQL (<see cref="ArchiveProvider"/>). Schema changes go
/// through migrations, one set per provider, from the repository root:
/// <c>dotnet ef migrations add NAME --project src/ProbationArchive.Core --output-dir Data/Migrations</c> (SQLite) and
/// <c>dotnet ef migrations add NAME --project src/ProbationArchive.Data.PostgreSql --output-dir Migrations</c> (PostgreSQL).
/// </summary>
public sealed class ArchiveDbContext(DbContextOptions<ArchiveDbContext> options) : DbContext(options)
{
    /// <summary>The query filter that hides drafts: every reading page keeps it.</summary>
    public const string PublishedOnly = nameof(PublishedOnly);

    /// <summary>The query filter that keeps Blogger pages out of lists, feeds and the date archive; a page's own address ignores it.</summary>
    public const string PostsOnly = nameof(PostsOnly);

    /// <summary>On SQLite, comment ids with their posts, for search (named in its SQL's INDEXED BY).</summary>
    public const string SearchCommentPostIndex = "IX_Comments_Id_PostId";

    public DbSet<Post> Posts => Set<Post>();

    public DbSet<Comment> Comments => Set<Comment>();

    public DbSet<Label> Labels => Set<Label>();

    public DbSet<PostLabel> PostLabels => Set<PostLabel>();

    public DbSet<SourceFile> SourceFiles => Set<SourceFile>();

    public DbSet<ImportDiagnostic> ImportDiagnostics => Set<ImportDiagnostic>();

    public DbSet<PostSource> PostSources => Set<PostSource>();

    // Comments and sources are only read for a post already found through the filtered posts, so a
    // filtered-out post's comments are never shown; EF's warning that they could be is noise here.
    protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder) =>
        optionsBuilder.ConfigureWarnings(w => w.Ignore(CoreEventId.PossibleIncorrectRequiredNavigationWithQueryFilterInteractionWarning));

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(ArchiveDbContext).Assembly);
        if (Database.IsNpgsql())
        {
            PostgreSql.PostgreSqlModel.Apply(modelBuilder);
        }
        else
        {
            // SQLite's search finds the post of every comment that matches (tens of thousands for
            // common words) by the comment's id: from this index of a few MB rather than from the
            // comments' own large rows (ArchiveSearch names it). PostgreSQL's search reads the post
            // from the row it ranks.
            modelBuilder.Entity<Comment>().HasIndex(c => new { c.Id, c.PostId }, SearchCommentPostIndex);
        }
    }
}
