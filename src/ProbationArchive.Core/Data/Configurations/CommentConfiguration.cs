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
        builder.HasIndex(c => new { c.PostId, c.ThreadPath }).IsUnique();
        builder.HasIndex(c => c.ParentId);
        builder.Property(c => c.ThreadPath).IsRequired();
        builder.Property(c => c.Text).IsRequired();
    }
}
