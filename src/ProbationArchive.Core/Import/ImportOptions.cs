namespace ProbationArchive.Core.Import;

public sealed class ImportOptions
{
    public const string SectionName = "Import";

    /// <summary>Files larger than this are refused: no saved blog page comes near it (docs/import.md).</summary>
    public long MaxFileBytes { get; set; } = 16 * 1024 * 1024;

    /// <summary>
    /// Pages whose posts are all new are stored with direct INSERTs rather than change tracking
    /// (<see cref="DirectPageWriter"/>). Off routes every page through the merging path; the stored
    /// rows are the same either way, which a test checks with both settings.
    /// </summary>
    public bool InsertNewPagesDirectly { get; set; } = true;
}
