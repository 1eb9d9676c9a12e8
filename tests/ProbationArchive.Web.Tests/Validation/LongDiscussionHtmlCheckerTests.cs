using System.Globalization;
using ProbationArchive.Web.Tests.Support;

namespace ProbationArchive.Web.Tests.Validation;

/// <summary>The views of a long discussion (its pages, outline, whole and folded views), which the seeds' short threads never show, pass the Nu HTML Checker too.</summary>
public sealed class LongDiscussionHtmlCheckerTests(LongDiscussionFactory factory) : IClassFixture<LongDiscussionFactory>
{
    private static readonly string[] Views =
    [
        LongDiscussionFactory.PostPath,
        LongDiscussionFactory.PostPath + "?page=2",
        LongDiscussionFactory.PostPath + "?page=4&replies=hidden",
        LongDiscussionFactory.PostPath + "?page=all",
        LongDiscussionFactory.PostPath + "?page=all&replies=hidden",
    ];

    [Fact]
    public async Task EveryViewOfALongDiscussion_PassesTheNuHtmlChecker_WithoutErrorOrWarning()
    {
        var checker = NuHtmlChecker.FindOrSkip();

        var cancellationToken = TestContext.Current.CancellationToken;
        var folder = Directory.CreateTempSubdirectory("probation-archive-vnu-").FullName;
        try
        {
            var client = factory.CreateReader();
            var files = new Dictionary<string, string>();
            foreach (var path in Views)
            {
                var file = Path.Combine(folder, files.Count.ToString("D2", CultureInfo.InvariantCulture) + ".html");
                await File.WriteAllTextAsync(file, await client.GetStringAsync(new Uri(path, UriKind.Relative), cancellationToken), cancellationToken);
                files[new Uri(file).AbsoluteUri] = path;
            }

            var problems = await checker.CheckAsync(files.Keys.Select(f => new Uri(f).LocalPath), cancellationToken);

            Assert.True(problems.Count == 0, HtmlCheckerTests.Describe(problems, files));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
