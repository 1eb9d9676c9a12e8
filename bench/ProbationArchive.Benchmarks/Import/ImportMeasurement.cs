namespace ProbationArchive.Benchmarks.Import;

/// <summary>One timed run: what it wrote, how long it took, and what memory it used.</summary>
internal sealed record ImportMeasurement(
    string Name,
    string Archive,
    long ArchiveBytes,
    TimeSpan Elapsed,
    TimeSpan SearchIndexTime,
    TimeSpan CpuTime,
    int Files,
    long Bytes,
    ArchiveCounts Rows,
    long PeakWorkingSet,
    long AllocatedBytes,
    int Gen0,
    int Gen1,
    int Gen2,
    IReadOnlyList<MemoryProbe.Sample> Samples)
{
    public double RowsPerSecond => Rows.Total / Elapsed.TotalSeconds;

    public double MegabytesPerSecond => Bytes / 1e6 / Elapsed.TotalSeconds;
}
