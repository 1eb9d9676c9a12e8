using System.Collections.Concurrent;
using ProbationArchive.Core.Data;
using ProbationArchive.Web.Hosting;

namespace ProbationArchive.Web.Reading;

/// <summary>
/// What does not change between imports (the sidebar's archive tree and label counts, the
/// activity charts' figures, the newest posts), computed once per data version and shared by
/// every request, whether or not its page is in the output cache. The version is the archive's
/// data version (<see cref="IArchiveDataVersion"/>: SQLite's <c>PRAGMA data_version</c>, PostgreSQL's notified version row), read before the value is looked
/// up: a commit by the import command, or by this process, makes the next request compute afresh,
/// so a change is visible on the next request as before. A value is computed by the first request
/// that asks, on a scope of its own (its DbContext must outlive a reader who gave up waiting),
/// and the others asking meanwhile wait for the same task.
/// </summary>
public sealed class ArchiveFacts
{
    /// <summary>
    /// Values kept for one version at most: the fixed facts and one chart per label set asked for.
    /// Past it (many label combinations) a value is computed for its request alone.
    /// </summary>
    public const int MaxValuesPerVersion = 1000;

    /// <summary>
    /// The SQL comment (<c>TagWith</c>) on the queries made for these values: they may read a whole
    /// table, once per version, and QueryPlanTests checks they ran once and allows them that.
    /// </summary>
    public const string QueryTag = "once per data version";

    private readonly IArchiveDataVersion _version;
    private readonly IServiceScopeFactory _scopes;
    private Generation _current = new(long.MinValue);

    internal ArchiveFacts(IArchiveDataVersion version, IServiceScopeFactory scopes)
    {
        _version = version;
        _scopes = scopes;
    }

    public async Task<T> GetAsync<T>(string key, Func<ArchiveDbContext, CancellationToken, Task<T>> compute, CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(compute);
        if (_version.Current() is not { } current)
        {
            // No version to file it under: the store is busy (WAL recovery); compute for this request only.
            return await ComputeAsync(compute, cancellationToken);
        }

        var generation = Volatile.Read(ref _current);
        if (generation.Version != current)
        {
            // The first request of a new version drops the old values (the version only grows);
            // a request that read an older version just before it moved computes for itself.
            if (generation.Version < current)
            {
                var fresh = new Generation(current);
                var seen = Interlocked.CompareExchange(ref _current, fresh, generation);
                generation = seen == generation ? fresh : seen;
            }

            if (generation.Version != current)
            {
                return await ComputeAsync(compute, cancellationToken);
            }
        }

        if (!generation.Values.TryGetValue(key, out var task))
        {
            if (generation.Values.Count >= MaxValuesPerVersion)
            {
                return await ComputeAsync(compute, cancellationToken);
            }

            task = generation.Values.GetOrAdd(key, _ => new Lazy<Task<object>>(async () => (object)(await ComputeAsync(compute, CancellationToken.None))!));
        }

        try
        {
            return (T)await task.Value.WaitAsync(cancellationToken);
        }
        catch (Exception) when (task.Value.IsFaulted)
        {
            // A failure is not a fact: the next request tries again.
            generation.Values.TryRemove(KeyValuePair.Create(key, task));
            throw;
        }
    }

    private async Task<T> ComputeAsync<T>(Func<ArchiveDbContext, CancellationToken, Task<T>> compute, CancellationToken cancellationToken)
    {
        await using var scope = _scopes.CreateAsyncScope();
        return await compute(scope.ServiceProvider.GetRequiredService<ArchiveDbContext>(), cancellationToken);
    }

    private sealed class Generation(long version)
    {
        public long Version { get; } = version;

        public ConcurrentDictionary<string, Lazy<Task<object>>> Values { get; } = new(StringComparer.Ordinal);
    }
}
