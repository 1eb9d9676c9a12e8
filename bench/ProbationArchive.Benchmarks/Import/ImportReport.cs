using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using ProbationArchive.CorpusGenerator;

namespace ProbationArchive.Benchmarks.Import;

/// <summary>The import benchmark's figures beside the targets of docs/PERFORMANCE.md.</summary>
internal static class ImportReport
{
    private const double TargetSeconds = 15;
    private const double StretchSeconds = 10;
    private const double TargetFloorRatio = 1.0;
    private const double TargetPeakMegabytes = 400;
    private const double TargetSizeRatio = 1.5;
    // Flat: the working set at the end of the import is within this of the one at a quarter.
    private const double FlatTolerance = 1.25;

    public static bool RowsMatch(CorpusManifest manifest, ImportMeasurement importer, ImportMeasurement floor) =>
        importer.Rows == floor.Rows && importer.Rows.Posts == manifest.Posts && importer.Rows.Comments == manifest.Comments
        && importer.Rows.Labels == manifest.Labels && importer.Rows.PostLabels == manifest.PostLabels && importer.Rows.PostSources == manifest.PostSources;

    public static string Write(CorpusManifest manifest, ImportMeasurement importer, ImportMeasurement floor, string loadBefore)
    {
        var text = new StringBuilder();
        void Line(FormattableString line) => text.AppendLine(line.ToString(CultureInfo.InvariantCulture));

        Line($"");
        Line($"Import benchmark, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, {RuntimeInformation.FrameworkDescription}, load average before: {loadBefore}");
        Line($"Corpus {manifest.Name}: {manifest.Files} files, {manifest.Bytes / 1e6:F1} MB, {manifest.Posts} posts, {manifest.Comments} comments, {manifest.Labels} labels");
        Line($"floor: SQLite alone on one thread copying the importer's rows into a fresh archive (same schema and indexes) and building the full-text index, one transaction");
        Line($"");
        Line($"{"",-30}{"importer",12}{"floor",12}");
        Row("wall time (s)", m => Seconds(m.Elapsed));
        Row("  of it, search index (s)", m => Seconds(m.SearchIndexTime));
        Row("CPU time, all threads (s)", m => Seconds(m.CpuTime));
        Row("files", m => m.Files.ToString(CultureInfo.InvariantCulture));
        Row("rows written", m => m.Rows.Total.ToString(CultureInfo.InvariantCulture));
        Row("rows/s", m => m.RowsPerSecond.ToString("F0", CultureInfo.InvariantCulture));
        Row("MB/s (page bytes)", m => m.MegabytesPerSecond.ToString("F1", CultureInfo.InvariantCulture));
        Row("archive file (MB)", m => Megabytes(m.ArchiveBytes));
        Row("peak working set (MB)", m => Megabytes(m.PeakWorkingSet));
        Row("allocated (MB)", m => Megabytes(m.AllocatedBytes));
        Row("GCs gen0/gen1/gen2", m => $"{m.Gen0}/{m.Gen1}/{m.Gen2}");
        for (var i = 0; i < 4; i++)
        {
            var index = i;
            Row($"working set at {(i + 1) * 25}% (MB)", m => index < m.Samples.Count ? Megabytes(m.Samples[index].WorkingSet) : "-");
        }

        Row("managed heap at 100% (MB)", m => m.Samples.Count == 4 ? Megabytes(m.Samples[3].ManagedHeap) : "-");
        Line($"");
        Line($"importer rows: {importer.Rows}");
        Line($"same rows in both and as the manifest: {(RowsMatch(manifest, importer, floor) ? "yes" : "NO")}");
        var ratio = importer.Elapsed / floor.Elapsed;
        Line($"importer / floor: {ratio:F2}x wall, {importer.CpuTime / floor.CpuTime:F2}x CPU");
        var peak = importer.PeakWorkingSet / 1e6;
        var flat = importer.Samples.Count == 4 && importer.Samples[3].WorkingSet <= importer.Samples[0].WorkingSet * FlatTolerance;
        var size = (double)importer.ArchiveBytes / manifest.Bytes;
        var seconds = importer.Elapsed.TotalSeconds;
        Line($"");
        Line($"target: importer <= {TargetFloorRatio:F1}x the one-core floor     {ratio,8:F2} x   {Verdict(ratio <= TargetFloorRatio)}");
        Line($"target: whole import <= {TargetSeconds} s (stretch {StretchSeconds} s) {seconds,8:F1} s   {Verdict(seconds <= TargetSeconds)}{(seconds <= StretchSeconds ? ", stretch met" : "")}");
        Line($"target: peak memory <= {TargetPeakMegabytes} MB              {peak,8:F0} MB  {Verdict(peak <= TargetPeakMegabytes)}");
        Line($"target: memory flat as files grow       {"",8}      {Verdict(flat)} (100% within {FlatTolerance}x of 25%)");
        Line($"target: archive <= {TargetSizeRatio}x the saved pages      {size,8:F2} x   {Verdict(size <= TargetSizeRatio)}");
        return text.ToString();

        void Row(string name, Func<ImportMeasurement, string> value) =>
            text.AppendLine(CultureInfo.InvariantCulture, $"{name,-30}{value(importer),12}{value(floor),12}");
    }

    /// <summary>The same corpus imported from one Blogger export by the import command: its own figures, there being no floor run for it.</summary>
    public static string WriteExport(ImportCommandRun.Result run, long exportBytes, ArchiveCounts rows, long archiveBytes)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(rows);
        var text = new StringBuilder();
        void Line(FormattableString line) => text.AppendLine(line.ToString(CultureInfo.InvariantCulture));
        var seconds = run.Elapsed.TotalSeconds;
        var peak = run.PeakResidentBytes / 1e6;
        Line($"");
        Line($"The same corpus as one Blogger export ({exportBytes / 1e6:F1} MB of XML), by the import command into a fresh archive (exit code {run.ExitCode}):");
        Line($"  wall {seconds:F2} s, CPU {run.CpuTime.TotalSeconds:F2} s, {rows.Total / seconds:F0} rows/s, {exportBytes / 1e6 / seconds:F1} MB/s, peak resident memory {peak:F0} MB, archive {archiveBytes / 1e6:F0} MB");
        Line($"  rows: {rows}");
        Line($"target: an export of about 200 MB imports within {TargetPeakMegabytes} MB   {peak,8:F0} MB  {Verdict(peak <= TargetPeakMegabytes)}");
        return text.ToString();
    }

    private static string Seconds(TimeSpan time) => time.TotalSeconds.ToString("F2", CultureInfo.InvariantCulture);

    private static string Megabytes(long bytes) => (bytes / 1e6).ToString("F0", CultureInfo.InvariantCulture);

    private static string Verdict(bool met) => met ? "met" : "MISSED";

    /// <summary>The 1, 5 and 15-minute load averages: the machine is shared, so each report says how busy it was.</summary>
    public static string LoadAverage()
    {
        try
        {
            return string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
        }
        catch (IOException)
        {
            return "unknown";
        }
    }
}
