using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ProbationArchive.Core.Archive;

namespace ProbationArchive.Core.Data.Configurations;

internal sealed class SourceFileConfiguration : IEntityTypeConfiguration<SourceFile>
{
    public void Configure(EntityTypeBuilder<SourceFile> builder)
    {
        builder.HasIndex(s => s.Path).IsUnique();
        builder.Property(s => s.Path).IsRequired();
        builder.Property(s => s.ContentHash).IsRequired().HasMaxLength(64);
        builder.Property(s => s.Outcome).HasConversion<string>();
        builder.Property(s => s.PageKind).HasConversion<string>();
        builder.HasMany(s => s.Diagnostics).WithOne().HasForeignKey(d => d.SourceFileId).OnDelete(DeleteBehavior.Cascade);
    }
}
