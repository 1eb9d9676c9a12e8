using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using ProbationArchive.Core.Parsing;

namespace ProbationArchive.Benchmarks.Parsing;

/// <summary>BlogPageParser.Parse over one page of each shape: time, MB/s and bytes allocated per MB parsed.</summary>
[MemoryDiagnoser]
[Config(typeof(Settings))]
public class ParserBenchmarks
{
    private string _text = "";

    [ParamsSource(nameof(Pages))]
    public string Page { get; set; } = "";

    public static IEnumerable<string> Pages => ParserInputs.Names;

    [GlobalSetup]
    public void Setup() => _text = ParserInputs.Text(Page);

    [Benchmark]
    public ParsedPage Parse() => BlogPageParser.Parse(_text);

    /// <summary>A short in-process run: enough for MB/s to two figures, in well under a minute.</summary>
    private sealed class Settings : ManualConfig
    {
        public Settings()
        {
            AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance));
            ArtifactsPath = Path.Combine(BenchPaths.Out, "BenchmarkDotNet.Artifacts");
            AddColumn(new ThroughputColumns.PageSize(), new ThroughputColumns.MegabytesPerSecond(), new ThroughputColumns.AllocatedPerMegabyte());
        }
    }
}
