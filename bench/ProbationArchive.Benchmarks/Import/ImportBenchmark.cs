using Microsoft.Extensions.DependencyInjection;
using ProbationArchive.Core.Import;
using ProbationArchive.CorpusGenerator;

namespace ProbationArchive.Benchmarks.Import;

/// <summary>
/// Imports the corpus into a fresh archive with the real importer (wired as the import command
/// wires it), then has SQLite alone store the same rows and index into another fresh archive
/// (<see cref="StorageFloor"/>), and reports the importer against that floor.
/// </summary>
internal static class ImportBenchmark
{
    public static async Task<int> RunAsync(CorpusOptions options)
    {
        var (manifest, pages) = Corpus.Ensure(options);
        var loadBefore = ImportReport.LoadAverage();
        var folder = Directory.CreateDirectory(Path.Combine(BenchPaths.Out, "import")).FullName;
        var measure = new Measurer(folder);
        var importer = await measure.RunAsync("importer", manifest.Bytes, manifest.Files, (connectionString, progress) => ImportAsync(connectionString, folder, [pages], progress));
        var floor = await measure.RunAsync("floor", manifest.Bytes, manifest.Files, (connectionString, _) => StorageFloor.CopyAsync(connectionString, importer.Archive));

        // The same corpus as one Blogger export, written beside it once.
        var export = Path.Combine(Path.GetDirectoryName(pages)!, "export.xml");
        if (!File.Exists(export))
        {
            Console.WriteLine($"Writing the corpus as a Blogger export to {export}");
            ExportWriter.Write(options, export);
        }

        var exported = await ImportExportAsync(folder, export);

        var report = ImportReport.Write(manifest, importer, floor, loadBefore) + exported;
        Console.Write(report);
        var reportPath = Path.Combine(folder, "import-report.txt");
        await File.WriteAllTextAsync(reportPath, report);
        Console.WriteLine($"Report saved to {reportPath}");
        return ImportReport.RowsMatch(manifest, importer, floor) ? 0 : 1;
    }

    /// <summary>The export through the import command itself, so its memory is the command's alone.</summary>
    private static async Task<string> ImportExportAsync(string folder, string export)
    {
        var file = Path.Combine(folder, "export.db");
        foreach (var stale in new[] { file, $"{file}-wal", $"{file}-shm" })
        {
            File.Delete(stale);
        }

        var connectionString = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder { DataSource = file }.ToString();
        Console.WriteLine($"Running the import command over the export {export} ...");
        var run = await ImportCommandRun.RunAsync(connectionString, export);
        Console.WriteLine($"  export: {run.Elapsed.TotalSeconds:F1} s");
        var rows = await ArchiveCounts.ReadAsync(connectionString);
        return ImportReport.WriteExport(run, new FileInfo(export).Length, rows, await Measurer.ArchiveBytesAsync(connectionString, file));
    }

    private static async Task<(int Files, TimeSpan SearchIndex)> ImportAsync(string connectionString, string folder, string[] paths, IProgress<int> progress)
    {
        using var host = ImporterHost.Build(connectionString, folder);
        await using var scope = host.Services.CreateAsyncScope();
        var importer = scope.ServiceProvider.GetRequiredService<ArchiveImporter>();
        var files = 0;
        var summary = await importer.ImportAsync(paths, new Progress(_ => progress.Report(++files)), CancellationToken.None);
        foreach (var message in summary.Failures.SelectMany(f => f.Messages).Take(10))
        {
            Console.WriteLine($"  FAILED {message}");
        }

        return (summary.FilesRead, summary.SearchIndexRebuildTime ?? TimeSpan.Zero);
    }

    /// <summary>Synchronous, unlike <see cref="Progress{T}"/>, which posts to the thread pool.</summary>
    private sealed class Progress(Action<FileImportResult> report) : IProgress<FileImportResult>
    {
        public void Report(FileImportResult value) => report(value);
    }
}
