using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using ProbationArchive.Core.Data;

namespace ProbationArchive.Benchmarks.Import;

/// <summary>Runs one writer over the corpus into a fresh, migrated archive file and measures it.</summary>
internal sealed class Measurer(string folder)
{
    /// <param name="inputBytes">The bytes read: the saved pages, or the export.</param>
    /// <param name="files">How many files the run reads, for the working set at each quarter of them.</param>
    public async Task<ImportMeasurement> RunAsync(string name, long inputBytes, int files, Func<string, IProgress<int>, Task<(int Files, TimeSpan SearchIndex)>> run)
    {
        var file = Path.Combine(folder, $"{name}.db");
        foreach (var stale in new[] { file, $"{file}-wal", $"{file}-shm" })
        {
            File.Delete(stale);
        }

        var connectionString = new SqliteConnectionStringBuilder { DataSource = file }.ToString();
        await using (var db = new ArchiveDbContext(new DbContextOptionsBuilder<ArchiveDbContext>().UseSqlite(connectionString).Options))
        {
            await ArchiveDatabase.MigrateAsync(db, CancellationToken.None);
        }

        SqliteConnection.ClearAllPools();
        Console.WriteLine($"Running the {name} over {files} files ...");
        var quartiles = new MemoryProbe.Quartiles(files);
        MemoryProbe.ResetPeak();
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var (gen0, gen1, gen2) = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var (filesRead, searchIndex) = await run(connectionString, quartiles);
        clock.Stop();
        cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        var measurement = new ImportMeasurement(
            name,
            file,
            await ArchiveBytesAsync(connectionString, file),
            clock.Elapsed,
            searchIndex,
            cpu,
            filesRead,
            inputBytes,
            await ArchiveCounts.ReadAsync(connectionString),
            MemoryProbe.PeakWorkingSet(),
            GC.GetTotalAllocatedBytes(precise: true) - allocated,
            GC.CollectionCount(0) - gen0,
            GC.CollectionCount(1) - gen1,
            GC.CollectionCount(2) - gen2,
            quartiles.Samples);
        SqliteConnection.ClearAllPools();
        Console.WriteLine($"  {name}: {measurement.Elapsed.TotalSeconds:F1} s");
        return measurement;
    }

    /// <summary>The archive file's size once its write-ahead log is folded into it.</summary>
    public static async Task<long> ArchiveBytesAsync(string connectionString, string file)
    {
        await using (var connection = new SqliteConnection(connectionString))
        {
            await connection.OpenAsync();
            await using var checkpoint = connection.CreateCommand();
            checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE)";
            await checkpoint.ExecuteNonQueryAsync();
        }

        SqliteConnection.ClearAllPools();
        return new FileInfo(file).Length;
    }
}
