namespace ProbationArchive.Core.Import;

public sealed class ImportOptions
{
    public const string SectionName = "Import";

    /// <summary>Files larger than this are refused: no saved blog page comes near it (docs/import.md).</summary>
    public long MaxFileBytes { get; set; } = 16 * 1024 * 1024;
}
