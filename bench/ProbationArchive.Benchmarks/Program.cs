using BenchmarkDotNet.Running;
using ProbationArchive.Core.Data;
using ProbationArchive.Benchmarks;
using ProbationArchive.Benchmarks.Import;
using ProbationArchive.Benchmarks.Parsing;
using ProbationArchive.CorpusGenerator;

// dotnet run -c Release --project bench/ProbationArchive.Benchmarks -- import [corpus options]
// dotnet run -c Release --project bench/ProbationArchive.Benchmarks -- parser [BenchmarkDotNet options]
// As the web executable does at start (the import command runs in it).
SqliteRuntime.Configure();
switch (args)
{
    case ["import", .. var rest]:
        var options = CorpusOptions.Parse(rest, out var unknown);
        if (unknown.Count > 0)
        {
            await Console.Error.WriteLineAsync($"unexpected argument {unknown[0]}; {CorpusOptions.Usage}");
            return 2;
        }

        return await ImportBenchmark.RunAsync(options);
    case ["corpus", .. var rest]:
        // Prints the pages folder of the corpus (generated if missing) on its last line, for bench/http-bench.sh.
        Console.WriteLine(Corpus.Ensure(CorpusOptions.Parse(rest, out _)).Pages);
        return 0;
    case ["parser", .. var rest]:
        BenchmarkRunner.Run<ParserBenchmarks>(args: [.. rest]);
        return 0;
    default:
        await Console.Error.WriteLineAsync("usage: ProbationArchive.Benchmarks import [corpus options] | parser [BenchmarkDotNet options] | corpus [corpus options]");
        return 2;
}
