using ProbationArchive.Core.Data;
using ProbationArchive.Core.Tests.Support;

namespace ProbationArchive.Core.Tests.Import;

/// <summary>
/// Each bad input over an archive already holding the seeds: a refused input is reported with its
/// file, line and reason and changes nothing; an accepted one carries exactly the expected warnings.
/// </summary>
public class BadInputTests
{
    /// <summary>The store the tests run on; PostgreSQL's subclass (PostgreSql/) runs them again there.</summary>
    protected virtual ArchiveProvider Provider => ArchiveProvider.Sqlite;

    public static TheoryData<string> CaseNames() => [.. BadInputCases.All.Select(c => c.Name)];

    [Fact]
    public void Suite_HasAtLeastThirtyCases() => Assert.True(BadInputCases.All.Count() >= 30);

    [Theory]
    [MemberData(nameof(CaseNames))]
    public async Task Import_BadInput_IsReportedAndOnlyGoodFilesChangeTheStore(string name)
    {
        var badInput = BadInputCases.All.Single(c => c.Name == name);
        await using var archive = await TestArchive.CreateAsync(Provider);
        await archive.ImportAsync(Seeds.Folder);
        var before = await ArchiveSnapshot.TakeAsync(archive);
        var paths = badInput.Arrange(Path.Combine(archive.Folder, "input"));

        var summary = await archive.ImportAsync(paths);

        if (badInput.ErrorCode is { } code)
        {
            var failure = Assert.Single(summary.Failures);
            var error = Assert.Single(failure.Diagnostics, d => d.Severity == Core.Parsing.DiagnosticSeverity.Error);
            Assert.Equal((code, badInput.Line), (error.Code, error.Line));
            Assert.StartsWith($"{failure.Path}:{badInput.Line}: error {code}: ", failure.Messages.Last(), StringComparison.Ordinal);
            Assert.Equal(before, await ArchiveSnapshot.TakeAsync(archive));
            return;
        }

        Assert.Empty(summary.Failures);
        Assert.True(summary.FilesImported >= 1);
        var warnings = await WarningCodesAsync(archive);
        Assert.Equal(badInput.WarningCodes ?? [], warnings);
        Assert.Equal(before.Posts, (await ArchiveSnapshot.TakeAsync(archive)).Posts.Take(before.Posts.Count));
    }

    private static async Task<string[]> WarningCodesAsync(TestArchive archive)
    {
        await using var db = archive.OpenContext();
        return [.. db.ImportDiagnostics.OrderBy(d => d.Line).Select(d => d.Code)];
    }
}
