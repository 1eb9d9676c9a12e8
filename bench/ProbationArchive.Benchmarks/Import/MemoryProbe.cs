using System.Diagnostics;

namespace ProbationArchive.Benchmarks.Import;

/// <summary>Working set and GC figures of this process, with the peak reset between runs.</summary>
internal static class MemoryProbe
{
    public sealed record Sample(int Percent, int Files, long WorkingSet, long ManagedHeap);

    /// <summary>
    /// Collects garbage and gives its memory back, then resets the kernel's high-water mark (VmHWM, which
    /// Process.PeakWorkingSet64 reads on Linux) so the next peak belongs to the next run alone.
    /// </summary>
    public static bool ResetPeak()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        // Aggressive: the server GC gives back the memory it keeps for reuse, so a run's peak does not include an earlier run's heap.
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    public static long PeakWorkingSet()
    {
        using var process = Process.GetCurrentProcess();
        return process.PeakWorkingSet64;
    }

    public static Sample Take(int percent, int files)
    {
        using var process = Process.GetCurrentProcess();
        return new Sample(percent, files, process.WorkingSet64, GC.GetGCMemoryInfo().HeapSizeBytes);
    }

    /// <summary>Takes a sample each time the file count crosses another quarter of the total.</summary>
    public sealed class Quartiles(int totalFiles) : IProgress<int>
    {
        private readonly List<Sample> _samples = [];

        public IReadOnlyList<Sample> Samples => _samples;

        public void Report(int value)
        {
            var next = (_samples.Count + 1) * 25;
            if (_samples.Count < 4 && value * 100L >= (long)next * totalFiles)
            {
                _samples.Add(Take(next, value));
            }
        }
    }
}
