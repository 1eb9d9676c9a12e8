using System.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;
using ProbationArchive.Core.Data;

namespace ProbationArchive.Core.Import;

/// <summary>
/// Commits a run's files in groups (up to <see cref="MaxFiles"/> files or
/// <see cref="MaxDuration"/>), each file inside a savepoint of its own. A file that fails rolls
/// back to its savepoint and the others in the group still commit, so a failure changes nothing
/// of what was stored, as a transaction per file did; but SQLite rewrites the pages a commit
/// touches once per group instead of once per file (docs/PERFORMANCE.md). A crash loses at most
/// the open group, and re-running the import stores it again.
/// </summary>
internal sealed class ImportBatch(ArchiveDbContext db) : IAsyncDisposable
{
    public const int MaxFiles = 100;
    public static readonly TimeSpan MaxDuration = TimeSpan.FromSeconds(1);
    private const string FileSavepoint = "file";

    private IDbContextTransaction? _transaction;
    private readonly Stopwatch _age = new();
    private int _files;
    private bool _fileOpen;

    /// <summary>Opens the group if none is open, then the file's savepoint.</summary>
    public async Task BeginFileAsync(CancellationToken cancellationToken)
    {
        if (_transaction is null)
        {
            // Each file has its savepoint here: EF's own, around every SaveChanges, would only add statements.
            db.Database.AutoSavepointsEnabled = false;
            _transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            _age.Restart();
            _files = 0;
        }

        await _transaction.CreateSavepointAsync(FileSavepoint, cancellationToken);
        _fileOpen = true;
    }

    /// <summary>Keeps the file's changes, and commits the group once it is full or old enough.</summary>
    public async Task CompleteFileAsync(CancellationToken cancellationToken)
    {
        await Open.ReleaseSavepointAsync(FileSavepoint, cancellationToken);
        _fileOpen = false;
        if (++_files >= MaxFiles || _age.Elapsed >= MaxDuration)
        {
            await CommitAsync(cancellationToken);
        }
    }

    /// <summary>Undoes everything the open file changed, if one is open; the rest of the group is untouched.</summary>
    public async Task FailFileAsync(CancellationToken cancellationToken)
    {
        if (!_fileOpen)
        {
            return;
        }

        await Open.RollbackToSavepointAsync(FileSavepoint, cancellationToken);
        await Open.ReleaseSavepointAsync(FileSavepoint, cancellationToken);
        _fileOpen = false;
    }

    public async Task CommitAsync(CancellationToken cancellationToken)
    {
        if (_transaction is null)
        {
            return;
        }

        try
        {
            await _transaction.CommitAsync(cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw new ImportCommitFailedException(_files, e);
        }
        finally
        {
            await _transaction.DisposeAsync();
            _transaction = null;
        }
    }

    /// <summary>An open group is rolled back: the run was cancelled or failed.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_transaction is not null)
        {
            await _transaction.DisposeAsync();
            _transaction = null;
        }
    }

    private IDbContextTransaction Open => _transaction ?? throw new InvalidOperationException("No file is open in this batch.");
}
