using System.Diagnostics;
using System.Globalization;

namespace ProbationArchive.Benchmarks.Import;

/// <summary>
/// The import command itself (the web executable's "import"), as a child process, measured from
/// outside as a reader would see it: wall time, CPU time and the kernel's high-water mark of its
/// resident memory (VmHWM), read until it exits. The benchmark process's own memory is not in it.
/// </summary>
internal static class ImportCommandRun
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(50);

    public sealed record Result(TimeSpan Elapsed, TimeSpan CpuTime, long PeakResidentBytes, int ExitCode);

    public static async Task<Result> RunAsync(string connectionString, string path)
    {
        var start = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(WebExecutable());
        start.ArgumentList.Add("import");
        start.ArgumentList.Add(path);
        start.Environment["ConnectionStrings__Archive"] = connectionString;
        start.Environment["Serilog__MinimumLevel__Default"] = "Warning";
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        long peak = 0;
        var cpu = TimeSpan.Zero;
        while (!process.HasExited)
        {
            // VmHWM only grows, and CPU time only grows: the last reading before the exit is the figure.
            (peak, cpu) = (Math.Max(peak, Read(process.Id, "VmHWM:") * 1024), Cpu(process.Id) ?? cpu);
            await Task.Delay(Poll);
        }

        await process.WaitForExitAsync();
        clock.Stop();
        await output;
        if (process.ExitCode != 0)
        {
            Console.WriteLine(await errors);
        }

        return new Result(clock.Elapsed, cpu, peak, process.ExitCode);
    }

    /// <summary>Built beside this project by its reference to the web project.</summary>
    private static string WebExecutable()
    {
        var own = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory));
        return Path.GetFullPath(Path.Combine(BenchPaths.Out, "..", "..", "src", "ProbationArchive.Web", "bin", own.Parent!.Name, own.Name, "ProbationArchive.Web.dll"));
    }

    private static long Read(int pid, string field)
    {
        try
        {
            var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith(field, StringComparison.Ordinal));
            return line is null ? 0 : long.Parse(line[field.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return 0;
        }
    }

    /// <summary>utime + stime of /proc/{pid}/stat, in clock ticks of 1/100 s.</summary>
    private static TimeSpan? Cpu(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
            return TimeSpan.FromSeconds(ticks / 100.0);
        }
        catch (IOException)
        {
            return null;
        }
    }
}
