namespace ProbationArchive.Benchmarks;

/// <summary>Where benchmarks keep what they make: bench/out/ of the repository (ignored by git).</summary>
internal static class BenchPaths
{
    public static string Out { get; } = Path.Combine(RepositoryRoot(), "bench", "out");

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "ProbationArchive.sln")))
            {
                return folder.FullName;
            }
        }

        return Directory.GetCurrentDirectory();
    }
}
