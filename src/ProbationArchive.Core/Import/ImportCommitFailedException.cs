namespace ProbationArchive.Core.Import;

/// <summary>
/// SQLite refused to commit a group of files (disk full, I/O error): none of the group was stored,
/// though each file had been written. The run stops here, since files after it would fare no
/// better; running the import again stores the group, its files not being recorded yet.
/// </summary>
public sealed class ImportCommitFailedException(int files, Exception inner)
    : Exception($"Committing the last {files} files failed ({inner.GetBaseException().Message}); none of them was stored. Run the import again once the cause is fixed.", inner)
{
    public int Files { get; } = files;
}
