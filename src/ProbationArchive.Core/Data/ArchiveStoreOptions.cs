using System.ComponentModel.DataAnnotations;

namespace ProbationArchive.Core.Data;

/// <summary>
/// The store's keys of the "Archive" section, which the import command reads as well as the web
/// app; the web app's own keys of that section are bound by its <c>ArchiveOptions</c>. The
/// connection string stays <c>ConnectionStrings:Archive</c>.
/// </summary>
public sealed class ArchiveStoreOptions : IValidatableObject
{
    public const string SectionName = "Archive";

    public ArchiveProvider Provider { get; set; } = ArchiveProvider.Sqlite;

    /// <summary>Bound from <c>ConnectionStrings:Archive</c>, not from this section.</summary>
    internal string? ConnectionString { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Provider == ArchiveProvider.PostgreSql && string.IsNullOrWhiteSpace(ConnectionString))
        {
            yield return new ValidationResult(
                "Archive:Provider is PostgreSQL, so ConnectionStrings:Archive must name the database (Host=...;Database=...;Username=...).",
                [nameof(Provider)]);
        }
    }
}
