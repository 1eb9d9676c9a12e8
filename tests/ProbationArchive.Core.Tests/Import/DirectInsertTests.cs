using Microsoft.EntityFrameworkCore;
using ProbationArchive.Core.Import;
using ProbationArchive.Core.Tests.Support;

namespace ProbationArchive.Core.Tests.Import;

/// <summary>
/// Pages whose posts are all new are inserted directly (DirectPageWriter) instead of through change
/// tracking; the archive must come out the same, row for row, as when every page merges through
/// PageWriter.
/// </summary>
public sealed class DirectInsertTests
{
    [Fact]
    public async Task Import_WithAndWithoutDirectInserts_StoresTheSameRows()
    {
        await using var direct = await TestArchive.CreateAsync();
        await using var tracked = await TestArchive.CreateAsync();
        foreach (var archive in new[] { direct, tracked })
        {
            WriteMixedPages(archive);
        }

        var directSummary = await direct.ImportAsync(new ImportOptions { InsertNewPagesDirectly = true }, Seeds.Folder, Path.Combine(direct.Folder, "pages"));
        var trackedSummary = await tracked.ImportAsync(new ImportOptions { InsertNewPagesDirectly = false }, Seeds.Folder, Path.Combine(tracked.Folder, "pages"));

        Assert.True(directSummary.Succeeded);
        Assert.Equal(
            (trackedSummary.FilesImported, trackedSummary.PostsNew, trackedSummary.PostsUpdated, trackedSummary.Comments, trackedSummary.Warnings),
            (directSummary.FilesImported, directSummary.PostsNew, directSummary.PostsUpdated, directSummary.Comments, directSummary.Warnings));
        var expected = await DumpAsync(tracked);
        var actual = await DumpAsync(direct);
        Assert.Equal(expected.Keys, actual.Keys);
        foreach (var table in expected.Keys)
        {
            Assert.True(expected[table] == actual[table], $"{table} differs:\n{expected[table]}\n---\n{actual[table]}");
        }
    }

    /// <summary>New pages, label pages before and after their posts' own pages, a post only label pages carry (the same copy twice, then edited), a warning, a permalink collision.</summary>
    private static void WriteMixedPages(TestArchive archive)
    {
        archive.WritePage("a-label.txt", Pages.LabelPage("Pay", ("Monday, 3 June 2019", "Pick of the Week", "One."), ("Friday, 7 June 2019", "Only Here", "On the label page alone.")));
        archive.WritePage("b-own.txt", Pages.Post("Monday, 3 June 2019", "Pick of the Week", "One.", "First!", "Second."));
        archive.WritePage("c-same-title.txt", Pages.Post("Monday, 10 June 2019", "Pick of the Week", "Two.", "Another."));
        archive.WritePage("d-miscounted.txt", Pages.Post("Tuesday, 11 June 2019", "Miscounted", "Body.", "Only one.").Replace("1 comment:", "3 comments:", StringComparison.Ordinal));
        archive.WritePage("e-label-later.txt", Pages.LabelPage("pay", ("Tuesday, 11 June 2019", "Miscounted", "Body."), ("Wednesday, 12 June 2019", "Brand New", "Fresh."), ("Friday, 7 June 2019", "Only Here", "On the label page alone.")));
        archive.WritePage("f-label-edited.txt", Pages.LabelPage("Napo", ("Friday, 7 June 2019", "Only Here", "Edited on another label page."), ("Monday, 3 June 2019", "Pick of the Week", "One.")));
    }

    private static async Task<Dictionary<string, string>> DumpAsync(TestArchive archive)
    {
        var folder = archive.Folder;
        var queries = new Dictionary<string, string>
        {
            ["Posts"] = "SELECT Id, IdentityKey, Title, TitleIsDerived, PublishedOn, Slug, Permalink, Body, DeclaredCommentCount FROM Posts ORDER BY Id",
            ["Comments"] = "SELECT Id, PostId, ParentId, Position, ThreadPath, Text, SourceLine FROM Comments ORDER BY Id",
            ["Labels"] = "SELECT Id, Name FROM Labels ORDER BY Id",
            ["PostLabels"] = "SELECT PostId, LabelId FROM PostLabels ORDER BY PostId, LabelId",
            ["SourceFiles"] = $"SELECT Id, replace(Path, '{folder}', ''), ContentHash, Outcome, PageKind, Label, ImportedAtUtc > '2000' FROM SourceFiles ORDER BY Id",
            ["ImportDiagnostics"] = "SELECT Id, SourceFileId, Line, Severity, Code, Message FROM ImportDiagnostics ORDER BY Id",
            ["PostSources"] = "SELECT PostId, SourceFileId, PositionInFile, Line FROM PostSources ORDER BY PostId, SourceFileId",
            ["SearchEntries"] = "SELECT rowid, Title, Text, PostId, CommentId FROM SearchEntries ORDER BY rowid",
        };
        await using var db = archive.OpenContext();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        var dump = new Dictionary<string, string>();
        foreach (var (table, sql) in queries)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
            var rows = new List<string>();
            while (await reader.ReadAsync(TestContext.Current.CancellationToken))
            {
                rows.Add(string.Join("|", Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "null" : reader.GetValue(i).ToString())));
            }

            dump[table] = string.Join("\n", rows);
        }

        return dump;
    }
}
