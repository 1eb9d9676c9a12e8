using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ProbationArchive.Core.Archive;

namespace ProbationArchive.Core.Data.Configurations;

internal sealed class PostSourceConfiguration : IEntityTypeConfiguration<PostSource>
{
    public void Configure(EntityTypeBuilder<PostSource> builder)
    {
        builder.HasKey(s => new { s.PostId, s.SourceFileId });
        builder.HasIndex(s => s.SourceFileId);
        builder.HasOne(s => s.Post).WithMany(p => p.Sources).HasForeignKey(s => s.PostId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(s => s.SourceFile).WithMany(f => f.Posts).HasForeignKey(s => s.SourceFileId).OnDelete(DeleteBehavior.Cascade);
    }
}
