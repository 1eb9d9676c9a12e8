using System.Data.Common;
using System.Diagnostics;

namespace ProbationArchive.Core.Import.Storage;

/// <summary>
/// Commits a run's files in groups (up to <see cref="MaxFiles"/> files or <see cref="MaxDuration"/>),
/// each file inside a savepoint of its own. A file that fails rolls back to its savepoint and the
/// others in the group still commit, so a failure changes nothing of what was stored; but SQLite
/// writes the pages a commit touches once per group instead of once per file. A crash loses at
/// most the open group, which the next run stores again (its files are not recorded yet).
/// The SQL is the same on SQLite and PostgreSQL; each store runs it on its own connection.
/// </summary>
/// <param name="run">Runs a statement on the import's connection.</param>
/// <param name="isInTransaction">
/// Whether the connection has a transaction open, when the store can tell (SQLite: a failed COMMIT
/// may have ended it or not); null trusts the group's own account (PostgreSQL ends a transaction
/// whose COMMIT failed, and a ROLLBACK with none open is only a warning).
/// </param>
internal sealed class CommitGroup(Action<string> run, Func<bool>? isInTransaction)
{
    public const int MaxFiles = 100;
    public static readonly TimeSpan MaxDuration = TimeSpan.FromSeconds(1);

    private readonly Stopwatch _age = new();
    private int _files;
    private bool _isOpen;
    private bool _fileIsOpen;

    /// <summary>Opens the group if none is open, then the file's savepoint.</summary>
    public void BeginFile()
    {
        if (!_isOpen)
        {
            run("BEGIN");
            _isOpen = true;
            _age.Restart();
            _files = 0;
        }

        run("SAVEPOINT file");
        _fileIsOpen = true;
    }

    /// <summary>Keeps the file's changes, and commits the group once it is full or old enough.</summary>
    public void CompleteFile()
    {
        run("RELEASE file");
        _fileIsOpen = false;
        if (++_files >= MaxFiles || _age.Elapsed >= MaxDuration)
        {
            Commit();
        }
    }

    /// <summary>Undoes everything the open file changed, if one is open; the rest of the group is untouched.</summary>
    public void FailFile()
    {
        if (!_fileIsOpen)
        {
            return;
        }

        run("ROLLBACK TO file");
        run("RELEASE file");
        _fileIsOpen = false;
    }

    public void Commit()
    {
        if (!_isOpen)
        {
            return;
        }

        try
        {
            run("COMMIT");
        }
        catch (DbException e)
        {
            // SQLite leaves the transaction open when COMMIT fails: end it, so nothing of the group is kept.
            RollBack();
            throw new ImportCommitFailedException(_files, e);
        }

        _isOpen = false;
    }

    /// <summary>An open group is rolled back: the run was cancelled or failed.</summary>
    public void RollBack()
    {
        if (isInTransaction?.Invoke() ?? _isOpen)
        {
            run("ROLLBACK");
        }

        _isOpen = false;
        _fileIsOpen = false;
    }
}
