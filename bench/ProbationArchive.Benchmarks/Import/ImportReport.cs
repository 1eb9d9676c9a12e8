using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using ProbationArchive.CorpusGenerator;

namespace ProbationArchive.Benchmarks.Import;

/// <summary>The import benchmark's figures beside issue 5's targets.</summary>
internal static class ImportReport
{
    private const double TargetSeconds = 15;
    private const double TargetRatio = 2;
    private const double TargetPeakMegabytes = 400;
    // Flat: the working set at the end of the import is within this of the one at a quarter.
    private const double FlatTolerance = 1.25;

    public static bool RowsMatch(CorpusManifest manifest, ImportMeasurement importer, ImportMeasurement baseline) =>
        importer.Rows == baseline.Rows && importer.Rows.Posts == manifest.Posts && importer.Rows.Comments == manifest.Comments
        && importer.Rows.Labels == manifest.Labels && importer.Rows.PostLabels == manifest.PostLabels && importer.Rows.PostSources == manifest.PostSources;

    public static string Write(CorpusManifest manifest, ImportMeasurement importer, ImportMeasurement baseline)
    {
        var text = new StringBuilder();
        void Line(FormattableString line) => text.AppendLine(line.ToString(CultureInfo.InvariantCulture));

        Line($"");
        Line($"Import benchmark, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, .NET {RuntimeInformation.FrameworkDescription}");
        Line($"Both writers suspend the search triggers and build the full-text index on the other core as they write (SearchIndexBuilder), installing it at the end, as the importer does on a first import");
        Line($"Corpus {manifest.Name}: {manifest.Files} files, {manifest.Bytes / 1e6:F1} MB, {manifest.Posts} posts, {manifest.Comments} comments, {manifest.Labels} labels");
        Line($"");
        Line($"{"",-26}{"importer",14}{"baseline",14}");
        Line($"{"",-26}{"(EF Core)",14}{"(one tx)",14}");
        Row("wall time (s)", m => m.Elapsed.TotalSeconds.ToString("F2", CultureInfo.InvariantCulture));
        Row("  of it, index install (s)", m => m.SearchIndexTime.TotalSeconds.ToString("F2", CultureInfo.InvariantCulture));
        Row("CPU time, all threads (s)", m => m.CpuTime.TotalSeconds.ToString("F2", CultureInfo.InvariantCulture));
        Row("files", m => m.Files.ToString(CultureInfo.InvariantCulture));
        Row("rows written", m => m.Rows.Total.ToString(CultureInfo.InvariantCulture));
        Row("rows/s", m => m.RowsPerSecond.ToString("F0", CultureInfo.InvariantCulture));
        Row("MB/s (page bytes)", m => m.MegabytesPerSecond.ToString("F1", CultureInfo.InvariantCulture));
        Row("files/s", m => (m.Files / m.Elapsed.TotalSeconds).ToString("F0", CultureInfo.InvariantCulture));
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
        Line($"same rows as the baseline and the manifest: {(RowsMatch(manifest, importer, baseline) ? "yes" : "NO")}");
        var ratio = importer.Elapsed / baseline.Elapsed;
        Line($"importer / baseline: {ratio:F2}x wall, {importer.CpuTime / baseline.CpuTime:F2}x CPU");
        var peak = importer.PeakWorkingSet / 1e6;
        var flat = importer.Samples.Count == 4 && importer.Samples[3].WorkingSet <= importer.Samples[0].WorkingSet * FlatTolerance;
        Line($"");
        Line($"target: whole import <= {TargetSeconds} s          {importer.Elapsed.TotalSeconds,8:F1} s   {Verdict(importer.Elapsed.TotalSeconds <= TargetSeconds)}");
        Line($"target: within {TargetRatio}x of the baseline      {ratio,8:F2} x   {Verdict(ratio <= TargetRatio)}");
        Line($"target: peak memory <= {TargetPeakMegabytes} MB        {peak,8:F0} MB  {Verdict(peak <= TargetPeakMegabytes)}");
        Line($"target: memory flat as files grow {"",8} {Verdict(flat)} (100% within {FlatTolerance}x of 25%)");
        return text.ToString();

        void Row(string name, Func<ImportMeasurement, string> value) =>
            text.AppendLine(CultureInfo.InvariantCulture, $"{name,-26}{value(importer),14}{value(baseline),14}");
    }

    private static string Megabytes(long bytes) => (bytes / 1e6).ToString("F0", CultureInfo.InvariantCulture);

    private static string Verdict(bool met) => met ? "met" : "MISSED";
}
