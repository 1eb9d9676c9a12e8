using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ProbationArchive.Core.Archive;

namespace ProbationArchive.Core.Data.Configurations;

internal sealed class PostConfiguration : IEntityTypeConfiguration<Post>
{
    public void Configure(EntityTypeBuilder<Post> builder)
    {
        builder.HasIndex(p => p.IdentityKey).IsUnique();
        builder.HasIndex(p => p.Permalink).IsUnique();
        builder.HasIndex(p => p.PublishedOn);
        builder.Property(p => p.IdentityKey).IsRequired();
        builder.Property(p => p.Title).IsRequired();
        builder.Property(p => p.Slug).IsRequired();
        builder.Property(p => p.Permalink).IsRequired();
        builder.Property(p => p.Body).IsRequired();
        builder.Property(p => p.Kind).HasConversion<string>();
        builder.Property(p => p.BodyFormat).HasConversion<string>();
        builder.HasIndex(p => p.BloggerId).IsUnique().HasFilter("\"BloggerId\" IS NOT NULL");

        // Drafts are stored and shown nowhere; pages are shown at their own address and never listed.
        builder.HasQueryFilter(ArchiveDbContext.PublishedOnly, p => !p.IsDraft);
        builder.HasQueryFilter(ArchiveDbContext.PostsOnly, p => p.Kind == PostKind.Post);

        builder.HasMany(p => p.Labels)
            .WithMany(l => l.Posts)
            .UsingEntity<PostLabel>(
                join => join.HasOne<Label>().WithMany().HasForeignKey(pl => pl.LabelId).OnDelete(DeleteBehavior.Cascade),
                join => join.HasOne<Post>().WithMany().HasForeignKey(pl => pl.PostId).OnDelete(DeleteBehavior.Cascade),
                join =>
                {
                    join.HasKey(pl => new { pl.PostId, pl.LabelId });
                    join.HasIndex(pl => pl.LabelId);
                });
    }
}
