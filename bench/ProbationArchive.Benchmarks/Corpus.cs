using System.Diagnostics;
using ProbationArchive.CorpusGenerator;

namespace ProbationArchive.Benchmarks;

/// <summary>The corpus a benchmark runs on: reused from bench/out/ when one with the same options is there.</summary>
internal static class Corpus
{
    public static (CorpusManifest Manifest, string Pages) Ensure(CorpusOptions options)
    {
        var folder = Path.Combine(BenchPaths.Out, options.Name);
        if (CorpusWriter.TryReadManifest(folder, options) is { } existing)
        {
            Console.WriteLine($"Reusing the corpus in {folder}");
            return (existing, CorpusWriter.PagesFolder(folder));
        }

        Console.WriteLine($"Generating the corpus into {folder}");
        var clock = Stopwatch.StartNew();
        var manifest = CorpusWriter.Write(options with { Verify = true }, folder, Console.Out);
        Console.WriteLine($"Generated and verified {manifest.Files} files in {clock.Elapsed.TotalSeconds:F1} s");
        return (manifest, CorpusWriter.PagesFolder(folder));
    }
}
