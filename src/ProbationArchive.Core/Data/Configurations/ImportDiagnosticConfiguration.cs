using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ProbationArchive.Core.Archive;

namespace ProbationArchive.Core.Data.Configurations;

internal sealed class ImportDiagnosticConfiguration : IEntityTypeConfiguration<ImportDiagnostic>
{
    public void Configure(EntityTypeBuilder<ImportDiagnostic> builder)
    {
        builder.Property(d => d.Severity).HasConversion<string>();
        builder.Property(d => d.Code).IsRequired();
        builder.Property(d => d.Message).IsRequired();
    }
}
