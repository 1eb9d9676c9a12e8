using ProbationArchive.Core.Rendering;

namespace ProbationArchive.Web.Tests.Rendering;

/// <summary>
/// How stored text reads on the page, as data: each Rendering/Cases/*.txt is a passage of a seed,
/// as stored, and *.expected.html the HTML the post page must show for it (docs/reading.md, "Line
/// breaks"). Set UPDATE_RENDERING_CASES=1 to write the actual HTML for review instead of comparing.
/// </summary>
public sealed class RenderingCaseTests
{
    private static readonly string CasesFolder = Path.Combine(AppContext.BaseDirectory, "Rendering", "Cases");

    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var input in Directory.EnumerateFiles(CasesFolder, "*.txt").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileNameWithoutExtension(input));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void RenderBody_Case_ReturnsExpectedHtml(string name)
    {
        var input = File.ReadAllText(Path.Combine(CasesFolder, name + ".txt"));
        var actual = ArchiveMarkdown.RenderBody(input);

        if (Environment.GetEnvironmentVariable("UPDATE_RENDERING_CASES") == "1")
        {
            File.WriteAllText(Path.Combine(FindRepositoryCasesFolder(), name + ".expected.html"), actual);
            return;
        }

        var expectedPath = Path.Combine(CasesFolder, name + ".expected.html");
        Assert.True(File.Exists(expectedPath), $"{name} has no expected HTML; run with UPDATE_RENDERING_CASES=1 and review it");
        var expected = File.ReadAllText(expectedPath);
        Assert.True(expected == actual, $"{name}\n--- input\n{input}\n--- expected\n{expected}\n--- actual\n{actual}");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Reflow_Case_ChangesOnlyWhitespace(string name)
    {
        var input = File.ReadAllText(Path.Combine(CasesFolder, name + ".txt"));

        Assert.Equal(WithoutWhitespace(input), WithoutWhitespace(Reflow.Apply(input)));
    }

    private static string WithoutWhitespace(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));

    private static string FindRepositoryCasesFolder()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "ProbationArchive.sln")))
        {
            folder = folder.Parent;
        }

        return Path.Combine(folder!.FullName, "tests", "ProbationArchive.Web.Tests", "Rendering", "Cases");
    }
}
