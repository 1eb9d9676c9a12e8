namespace ProbationArchive.Core.Import;

public enum FileOutcome
{
    Imported,
    ImportedWithWarnings,
    Unchanged,
    Failed,
}
