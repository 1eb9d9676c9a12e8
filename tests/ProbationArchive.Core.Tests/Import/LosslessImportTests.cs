using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using ProbationArchive.Core.Data;
using ProbationArchive.Core.Tests.Support;

namespace ProbationArchive.Core.Tests.Import;

/// <summary>
/// Every line of every seed, apart from page furniture, lands in exactly one stored field, in
/// order. The furniture is recognised here by simple rules of its own, not by the parser.
/// </summary>
public partial class LosslessImportTests
{
    /// <summary>The store the tests run on; PostgreSQL's subclass (PostgreSql/) runs them again there.</summary>
    protected virtual ArchiveProvider Provider => ArchiveProvider.Sqlite;

    public static TheoryData<string> SeedNames() => [.. Seeds.All.Select(p => Path.GetFileName(p))];

    [Theory]
    [MemberData(nameof(SeedNames))]
    public async Task Import_Seed_StoresEveryContentLineOnceInOrder(string seedName)
    {
        await using var archive = await TestArchive.CreateAsync(Provider);
        var seedPath = Path.Combine(Seeds.Folder, seedName);
        await archive.ImportAsync(seedPath);

        var expected = ContentLines(File.ReadAllLines(seedPath));
        var stored = await StoredLinesAsync(archive, seedPath);

        Assert.Equal(expected, stored);
    }

    private static async Task<List<string>> StoredLinesAsync(TestArchive archive, string seedPath)
    {
        await using var db = archive.OpenContext();
        var posts = await db.PostSources.AsNoTracking()
            .Where(s => s.SourceFile.Path == Path.GetFullPath(seedPath))
            .OrderBy(s => s.PositionInFile)
            .Select(s => new { s.Post.Body, Comments = s.Post.Comments.OrderBy(c => c.Position).Select(c => c.Text).ToList() })
            .ToListAsync(TestContext.Current.CancellationToken);
        return [.. posts.SelectMany(p => p.Comments.Prepend(p.Body)).SelectMany(field => field.Split('\n')).Select(l => l.Trim()).Where(l => l.Length > 0)];
    }

    private static List<string> ContentLines(string[] lines)
    {
        var content = new List<string>();
        var inComments = false;
        var expectTitle = false;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            var trimmed = line.Trim();
            if (trimmed.Length == 0 || LabelHeader().IsMatch(trimmed) || trimmed is "ReplyDelete" or "Delete" or "Replies")
            {
                continue;
            }

            if (StandaloneDate(lines, i))
            {
                expectTitle = true;
                continue;
            }

            if (expectTitle)
            {
                expectTitle = false;
                continue;
            }

            if (CommentCount().IsMatch(trimmed))
            {
                inComments = true;
                continue;
            }

            if (inComments && CommentNumber().Match(line) is { Success: true } numbered)
            {
                trimmed = line[numbered.Length..].Trim();
            }
            else if (FlattenedMarker().Match(line) is { Success: true } marker)
            {
                trimmed = line[marker.Length..].Trim();
            }

            if (trimmed.Length > 0)
            {
                content.Add(trimmed);
            }
        }

        return content;
    }

    private static bool StandaloneDate(string[] lines, int i) =>
        DateLine().IsMatch(lines[i].Trim()) && (i == 0 || lines[i - 1].Trim().Length == 0 || LabelHeader().IsMatch(lines[i - 1].Trim()))
        && (i + 1 == lines.Length || lines[i + 1].Trim().Length == 0);

    [GeneratedRegex(@"^(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),? \d{1,2} [A-Z][a-z]+ \d{4}$")]
    private static partial Regex DateLine();

    [GeneratedRegex(@"^Showing posts with label .+\. Show all posts$")]
    private static partial Regex LabelHeader();

    [GeneratedRegex(@"^(\d+|No) comments?:$")]
    private static partial Regex CommentCount();

    [GeneratedRegex(@"^( {2}| {4})\d+\. ")]
    private static partial Regex CommentNumber();

    [GeneratedRegex(@"^(ReplyDelete|Delete)")]
    private static partial Regex FlattenedMarker();
}
