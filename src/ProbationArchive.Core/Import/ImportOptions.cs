using System.ComponentModel.DataAnnotations;

namespace ProbationArchive.Core.Import;

/// <summary>Settings for the importer, from the "Import" configuration section (docs/import.md).</summary>
public sealed class ImportOptions
{
    public const string SectionName = "Import";

    /// <summary>Files larger than this are refused: no saved blog page comes near it.</summary>
    [Range(1, long.MaxValue)]
    public long MaxFileBytes { get; set; } = 16 * 1024 * 1024;
}
