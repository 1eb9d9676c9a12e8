namespace ProbationArchive.Core.Archive;

public enum ImportOutcome
{
    Imported,
    ImportedWithWarnings,
}
