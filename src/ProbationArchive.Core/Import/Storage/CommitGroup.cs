using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace ProbationArchive.Core.Import.Storage;

/// <summary>
/// Commits a run's files in groups (up to <see cref="MaxFiles"/> files or <see cref="MaxDuration"/>),
/// each file inside a savepoint of its own. A file that fails rolls back to its savepoint and the
/// others in the group still commit, so a failure changes nothing of what was stored; but SQLite
/// writes the pages a commit touches once per group instead of once per file. A crash loses at
/// most the open group, which the next run stores again (its files are not recorded yet).
/// </summary>
internal sealed class CommitGroup(SqliteConnection connection)
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
            SqliteStatement.Run(connection, "BEGIN");
            _isOpen = true;
            _age.Restart();
            _files = 0;
        }

        SqliteStatement.Run(connection, "SAVEPOINT file");
        _fileIsOpen = true;
    }

    /// <summary>Keeps the file's changes, and commits the group once it is full or old enough.</summary>
    public void CompleteFile()
    {
        SqliteStatement.Run(connection, "RELEASE file");
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

        SqliteStatement.Run(connection, "ROLLBACK TO file");
        SqliteStatement.Run(connection, "RELEASE file");
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
            SqliteStatement.Run(connection, "COMMIT");
        }
        catch (SqliteException e)
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
        if (connection.Handle is { } handle && SQLitePCL.raw.sqlite3_get_autocommit(handle) == 0)
        {
            SqliteStatement.Run(connection, "ROLLBACK");
        }

        _isOpen = false;
        _fileIsOpen = false;
    }
}
