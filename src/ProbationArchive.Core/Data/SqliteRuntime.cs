using SQLitePCL;

namespace ProbationArchive.Core.Data;

/// <summary>
/// Process-wide SQLite settings, applied before the first connection opens. SQLite counts every
/// allocation under one global mutex unless told not to (SQLITE_CONFIG_MEMSTATUS); the archive
/// never reads those counts, and during an import the writer and the search indexer, on two
/// threads, allocated through that one mutex (docs/PERFORMANCE.md).
/// </summary>
public static class SqliteRuntime
{
    private static int _configured;

    /// <summary>Call at process start, before any connection is opened; later calls do nothing.</summary>
    public static void Configure()
    {
        if (Interlocked.Exchange(ref _configured, 1) == 1)
        {
            return;
        }

        Batteries_V2.Init();
        // Settings can be changed only while SQLite is shut down; no connection is open yet.
        raw.sqlite3_shutdown();
        raw.sqlite3_config(raw.SQLITE_CONFIG_MEMSTATUS, 0);
        raw.sqlite3_initialize();
    }
}
