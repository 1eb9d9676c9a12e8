using System.Text;
using ProbationArchive.CorpusGenerator;

namespace ProbationArchive.Benchmarks.Parsing;

/// <summary>
/// One page of each kind from the default generated corpus: the median page of each shape and the
/// largest page (the 2,000-comment thread).
/// </summary>
internal static class ParserInputs
{
    public const string LargestPost = "post-2000-comments";
    public const string MedianPost = "post-median";
    public const string MedianFlattened = "flattened-median";
    public const string MedianLabelPage = "label-page-median";

    private static readonly Lazy<Dictionary<string, string>> Texts = new(Load);

    public static IEnumerable<string> Names => [MedianPost, LargestPost, MedianFlattened, MedianLabelPage];

    public static string Text(string name) => Texts.Value[name];

    public static long Bytes(string name) => Encoding.UTF8.GetByteCount(Text(name));

    private static Dictionary<string, string> Load()
    {
        var (_, pages) = Corpus.Ensure(new CorpusOptions());
        var byShape = Directory.EnumerateFiles(pages, "*.txt")
            .Select(f => (File: f, Length: new FileInfo(f).Length, Shape: Shape(f)))
            .GroupBy(f => f.Shape)
            .ToDictionary(g => g.Key, g => g.OrderBy(f => f.Length).ThenBy(f => f.File, StringComparer.Ordinal).ToList());
        return new Dictionary<string, string>
        {
            [MedianPost] = File.ReadAllText(Median(byShape["post"])),
            [LargestPost] = File.ReadAllText(byShape["post"][^1].File),
            [MedianFlattened] = File.ReadAllText(Median(byShape["flattened"])),
            [MedianLabelPage] = File.ReadAllText(Median(byShape["label"])),
        };

        static string Median(List<(string File, long Length, string Shape)> files) => files[files.Count / 2].File;
    }

    private static string Shape(string file)
    {
        using var reader = new StreamReader(file);
        var first = reader.ReadLine() ?? "";
        return first.StartsWith("Showing posts with label", StringComparison.Ordinal) ? "label"
            : first.Contains("day", StringComparison.Ordinal) && char.IsAsciiDigit(first[^1]) ? "post"
            : "flattened";
    }
}
