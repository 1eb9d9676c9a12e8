using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ProbationArchive.Core.Archive;

namespace ProbationArchive.Core.Data.Configurations;

internal sealed class LabelConfiguration : IEntityTypeConfiguration<Label>
{
    public void Configure(EntityTypeBuilder<Label> builder)
    {
        // Blogger treats "PO" and "po" as one label.
        builder.Property(l => l.Name).IsRequired().UseCollation("NOCASE");
        builder.HasIndex(l => l.Name).IsUnique();
        // A label no public post carries (only drafts do) is not shown anywhere, its name included.
        builder.HasQueryFilter(ArchiveDbContext.PublishedOnly, l => l.Posts.Any());
    }
}
