using System.Diagnostics;
using System.Text.Json;

namespace ProbationArchive.Web.Tests.Validation;

/// <summary>
/// The Nu HTML Checker (vnu.jar from npm's vnu-jar, run by Java 17+). .ci/run installs it under
/// .ci/vnu and sets VNU_JAR; a run with VNU_JAR or CI set requires it, so CI cannot pass by skipping.
/// </summary>
public sealed class NuHtmlChecker
{
    public const string JarVariable = "VNU_JAR";

    private NuHtmlChecker(string java, string jar)
    {
        Java = java;
        Jar = jar;
    }

    public string Java { get; }

    public string Jar { get; }

    /// <summary>Whether this run must check: CI says so (CI is set by most CI systems, VNU_JAR by .ci/run).</summary>
    public static bool IsRequired =>
        !string.IsNullOrEmpty(Environment.GetEnvironmentVariable(JarVariable))
        || Environment.GetEnvironmentVariable("CI") is { Length: > 0 } ci && !ci.Equals("false", StringComparison.OrdinalIgnoreCase);

    /// <summary>The checker, or null and why not.</summary>
    private static NuHtmlChecker? Find(out string? missing)
    {
        var jar = Environment.GetEnvironmentVariable(JarVariable) is { Length: > 0 } set ? set : DefaultJar();
        if (jar is null || !File.Exists(jar))
        {
            missing = $"vnu.jar not found (at {jar ?? ".ci/vnu"}); `bash .ci/run` installs it, or run `npm i -E vnu-jar@26.9.27 --prefix .ci/vnu --ignore-scripts`";
            return null;
        }

        var java = FindJava();
        if (java is null)
        {
            missing = "java not found (JAVA_HOME or PATH); the checker needs Java 17 or later";
            return null;
        }

        missing = null;
        return new NuHtmlChecker(java, jar);
    }

    /// <summary>The checker for a test that needs it: without one the test skips, or fails where checking is required (CI).</summary>
    public static NuHtmlChecker FindOrSkip()
    {
        if (Find(out var missing) is { } checker)
        {
            return checker;
        }

        Assert.False(IsRequired, $"The HTML checker is required in CI: {missing}");
        Assert.Skip($"Not checked: {missing}. CI (VNU_JAR or CI set) requires it.");
        throw new UnreachableException();
    }

    /// <summary>Checks the files; returns every error and warning (info messages are not problems), as JSON elements.</summary>
    public async Task<IReadOnlyList<JsonElement>> CheckAsync(IEnumerable<string> files, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(Java) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in new[] { "-jar", Jar, "--format", "json", "--also-check-svg", "--no-langdetect" }.Concat(files))
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("java did not start");
        // vnu writes its report to stderr; both streams are read at once so neither fills and blocks it.
        var report = process.StandardError.ReadToEndAsync(cancellationToken);
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        var json = (await report).Trim();
        Assert.True(json.StartsWith('{'), $"vnu exited {process.ExitCode} without a report:\n{json}\n{await output}");
        using var document = JsonDocument.Parse(json);
        return document.RootElement.GetProperty("messages").EnumerateArray()
            .Where(m => m.GetProperty("type").GetString() != "info" || (m.TryGetProperty("subType", out var sub) && sub.GetString() == "warning"))
            .Select(m => m.Clone())
            .ToList();
    }

    private static string? FindJava()
    {
        var folders = new List<string>();
        if (Environment.GetEnvironmentVariable("JAVA_HOME") is { Length: > 0 } home)
        {
            folders.Add(Path.Combine(home, "bin"));
        }

        folders.AddRange((Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries));
        var name = OperatingSystem.IsWindows() ? "java.exe" : "java";
        return folders.Select(f => Path.Combine(f, name)).FirstOrDefault(File.Exists);
    }

    private static string? DefaultJar()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "ProbationArchive.sln")))
        {
            folder = folder.Parent;
        }

        return folder is null ? null : Path.Combine(folder.FullName, ".ci", "vnu", "node_modules", "vnu-jar", "build", "dist", "vnu.jar");
    }
}
