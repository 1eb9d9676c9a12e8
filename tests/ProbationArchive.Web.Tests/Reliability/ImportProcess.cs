using System.Diagnostics;

namespace ProbationArchive.Web.Tests.Reliability;

/// <summary>The real import command, as a separate process over a given database file.</summary>
internal static class ImportProcess
{
    public static Process Start(string databasePath, params string[] paths) => Start(databasePath, output: null, paths);

    /// <summary>Starts an import whose output lines are collected into <paramref name="output"/> (lock it to read).</summary>
    public static Process Start(string databasePath, List<string>? output, string[] paths, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(WebAssemblyPath());
        start.ArgumentList.Add("import");
        foreach (var path in paths)
        {
            start.ArgumentList.Add(path);
        }

        start.Environment["ConnectionStrings__Archive"] = $"Data Source={databasePath}";
        start.Environment["Serilog__MinimumLevel__Default"] = "Warning";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        var process = Process.Start(start)!;
        // Drain the pipes so a chatty child never blocks on a full buffer.
        process.OutputDataReceived += (_, e) => Collect(output, e.Data);
        process.ErrorDataReceived += (_, e) => Collect(output, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    /// <summary>Runs an import into the app's own archive, whichever its store.</summary>
    public static Task<(int ExitCode, string Output)> RunAsync(Support.ArchiveWebFactory app, params string[] paths) =>
        RunAsync(app.DatabasePath, app.StoreSettings.ToDictionary(s => s.Key.Replace(":", "__", StringComparison.Ordinal), s => s.Value), paths);

    /// <summary>Runs an import to its end; the output comes back for failure messages.</summary>
    public static Task<(int ExitCode, string Output)> RunAsync(string databasePath, params string[] paths) => RunAsync(databasePath, null, paths);

    /// <summary>Runs an import to its end with these environment variables set (a time zone, say).</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(string databasePath, IReadOnlyDictionary<string, string>? environment, params string[] paths)
    {
        var output = new List<string>();
        using var process = Start(databasePath, output, paths, environment);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        lock (output)
        {
            return (process.ExitCode, string.Join('\n', output));
        }
    }

    private static void Collect(List<string>? output, string? line)
    {
        if (output is null || line is null)
        {
            return;
        }

        lock (output)
        {
            output.Add(line);
        }
    }

    /// <summary>The web project's own build output, which holds its runtime config beside the dll.</summary>
    internal static string WebAssemblyPath()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "ProbationArchive.sln")))
        {
            folder = folder.Parent;
        }

        // The tests' output is bin/{Configuration}/{TargetFramework}/; the web project's has the same shape.
        var testOutput = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory));
        var configuration = testOutput.Parent!.Name;
        return Path.Combine(folder!.FullName, "src", "ProbationArchive.Web", "bin", configuration, testOutput.Name, "ProbationArchive.Web.dll");
    }
}
