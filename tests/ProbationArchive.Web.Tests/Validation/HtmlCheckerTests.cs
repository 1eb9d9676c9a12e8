using System.Globalization;
using System.Text;
using System.Text.Json;
using ProbationArchive.Web.Tests.Support;

namespace ProbationArchive.Web.Tests.Validation;

/// <summary>Every page of the seeds archive passes the Nu HTML Checker with no error and no warning.</summary>
public sealed class HtmlCheckerTests(ArchiveWebFactory factory)
{
    [Fact]
    public async Task EveryPageOfTheSeedsArchive_PassesTheNuHtmlChecker_WithoutErrorOrWarning()
    {
        var checker = NuHtmlChecker.FindOrSkip();

        var cancellationToken = TestContext.Current.CancellationToken;
        var folder = Directory.CreateTempSubdirectory("probation-archive-vnu-").FullName;
        try
        {
            var client = factory.CreateReader();
            var files = new Dictionary<string, string>();
            foreach (var (path, status) in await ArchivePages.AllAsync(client))
            {
                using var response = await client.GetAsync(new Uri(path, UriKind.Relative), cancellationToken);
                Assert.True(response.StatusCode == status, $"GET {path}: {(int)response.StatusCode}");
                var file = Path.Combine(folder, files.Count.ToString("D3", CultureInfo.InvariantCulture) + ".html");
                await File.WriteAllBytesAsync(file, await response.Content.ReadAsByteArrayAsync(cancellationToken), cancellationToken);
                files[new Uri(file).AbsoluteUri] = path;
            }

            var problems = await checker.CheckAsync(files.Keys.Select(f => new Uri(f).LocalPath), cancellationToken);

            TestContext.Current.SendDiagnosticMessage($"vnu checked {files.Count} pages: {problems.Count} errors and warnings");
            Assert.True(files.Count > 30, $"only {files.Count} pages");
            Assert.True(problems.Count == 0, Describe(problems, files));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Checker_ReportsAWarning_SoASilentCheckerCannotPass()
    {
        var checker = NuHtmlChecker.FindOrSkip();

        var file = Path.Combine(Directory.CreateTempSubdirectory("probation-archive-vnu-").FullName, "article.html");
        await File.WriteAllTextAsync(file, "<!DOCTYPE html><html lang=en><title>t</title><article><p>No heading</p></article>", TestContext.Current.CancellationToken);
        try
        {
            var problems = await checker.CheckAsync([file], TestContext.Current.CancellationToken);

            Assert.Contains(problems, p => p.GetProperty("message").GetString()!.StartsWith("Article lacks heading", StringComparison.Ordinal));
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(file)!, recursive: true);
        }
    }

    internal static string Describe(IReadOnlyList<JsonElement> problems, Dictionary<string, string> pages)
    {
        var text = new StringBuilder($"vnu found {problems.Count} errors and warnings:\n");
        foreach (var problem in problems)
        {
            var url = problem.TryGetProperty("url", out var u) ? u.GetString() ?? "" : "";
            var line = problem.TryGetProperty("lastLine", out var l) ? l.GetInt32() : 0;
            var kind = problem.TryGetProperty("subType", out var s) ? s.GetString() : problem.GetProperty("type").GetString();
            var extract = problem.TryGetProperty("extract", out var e) ? e.GetString() : "";
            text.Append(CultureInfo.InvariantCulture, $"{pages.GetValueOrDefault(url, url)}:{line}: {kind}: {problem.GetProperty("message").GetString()} [{extract}]\n");
        }

        return text.ToString();
    }
}
