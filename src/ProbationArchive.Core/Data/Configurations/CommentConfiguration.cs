using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ProbationArchive.Core.Archive;

namespace ProbationArchive.Core.Data.Configurations;

internal sealed class CommentConfiguration : IEntityTypeConfiguration<Comment>
{
    public void Configure(EntityTypeBuilder<Comment> builder)
    {
        builder.HasOne(c => c.Post).WithMany(p => p.Comments).HasForeignKey(c => c.PostId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(c => c.Parent).WithMany(c => c.Replies).HasForeignKey(c => c.ParentId).OnDelete(DeleteBehavior.Restrict);
        // A post's thread is always read whole, in page order.
        builder.HasIndex(c => new { c.PostId, c.Position });
        // Not unique: merging an export's thread with a saved page's renumbers comments one row at a time.
        builder.HasIndex(c => new { c.PostId, c.ThreadPath });
        builder.HasIndex(c => c.BloggerId).IsUnique().HasFilter("\"BloggerId\" IS NOT NULL");
        builder.Property(c => c.TextFormat).HasConversion<string>();
        builder.HasIndex(c => c.ParentId);
        builder.Property(c => c.ThreadPath).IsRequired();
        builder.Property(c => c.Text).IsRequired();
    }
}
