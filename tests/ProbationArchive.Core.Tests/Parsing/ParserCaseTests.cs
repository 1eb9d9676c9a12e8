using ProbationArchive.Core.Parsing;

namespace ProbationArchive.Core.Tests.Parsing;

/// <summary>
/// Every parser case is data: an input (Cases/*.txt, or a seed in seeds/) and the JSON the parser
/// must return for it (*.expected.json). Set UPDATE_PARSER_CASES=1 to write the actual result
/// for review instead of comparing.
/// </summary>
public sealed class ParserCaseTests
{
    private static readonly string CasesFolder = Path.Combine(AppContext.BaseDirectory, "Parsing", "Cases");

    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var input in Directory.EnumerateFiles(CasesFolder, "*.txt").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(input));
        }

        foreach (var seed in Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "seeds"), "*.txt").Order(StringComparer.Ordinal))
        {
            data.Add("seeds/" + Path.GetFileName(seed));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Parse_Case_ReturnsExpectedResult(string name)
    {
        var inputPath = name.StartsWith("seeds/", StringComparison.Ordinal)
            ? Path.Combine(AppContext.BaseDirectory, name)
            : Path.Combine(CasesFolder, name);
        var expectedPath = Path.Combine(CasesFolder, Path.ChangeExtension(name, ".expected.json"));
        // Read raw so BOMs and line endings reach the parser as they are on disk.
        var input = new System.Text.UTF8Encoding(false).GetString(File.ReadAllBytes(inputPath));
        var actual = ParsedPageSnapshot.ToJson(BlogPageParser.Parse(input));

        if (Environment.GetEnvironmentVariable("UPDATE_PARSER_CASES") == "1")
        {
            var source = Path.Combine(FindRepositoryCasesFolder(), Path.ChangeExtension(name, ".expected.json"));
            File.WriteAllText(source, actual);
            return;
        }

        Assert.True(File.Exists(expectedPath), $"{name} has no expected result; run with UPDATE_PARSER_CASES=1 and review it");
        var expected = File.ReadAllText(expectedPath).ReplaceLineEndings("\n");
        Assert.Equal(expected, actual);
    }

    private static string FindRepositoryCasesFolder()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "ProbationArchive.sln")))
        {
            folder = folder.Parent;
        }

        return Path.Combine(folder!.FullName, "tests", "ProbationArchive.Core.Tests", "Parsing", "Cases");
    }
}
