using Microsoft.EntityFrameworkCore;
using ProbationArchive.Core.Tests.Support;
using static ProbationArchive.Core.Tests.Support.Exports;

namespace ProbationArchive.Core.Tests.Import.Blogger;

/// <summary>An export that cannot be read is refused whole, with its path and line, and changes nothing; a bad entry in a good export is a warning.</summary>
public sealed class BadExportTests
{
    public static TheoryData<string, string, string> Refused => new()
    {
        {
            "entity expansion",
            "<?xml version='1.0'?>\n<!DOCTYPE feed [<!ENTITY lol 'lol'><!ENTITY lol2 '&lol;&lol;&lol;&lol;'>]>\n<feed xmlns='http://www.w3.org/2005/Atom'>&lol2;</feed>",
            "dtd-refused"
        },
        {
            "external entity",
            "<?xml version='1.0'?>\n<!DOCTYPE feed [<!ENTITY secret SYSTEM 'file:///etc/passwd'>]>\n<feed xmlns='http://www.w3.org/2005/Atom'><title>&secret;</title></feed>",
            "dtd-refused"
        },
        { "not an Atom feed", "<?xml version='1.0'?>\n<rss version='2.0'><channel><title>A blog</title></channel></rss>", "not-a-blogger-export" },
        { "not well-formed", "<?xml version='1.0'?>\n<feed xmlns='http://www.w3.org/2005/Atom'>\n<entry><id>x</id></entr>\n</feed>", "malformed-export" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task Import_ExportThatCannotBeRead_IsRefusedWithItsPathAndLineAndChangesNothing(string name, string text, string code)
    {
        await using var archive = await TestArchive.CreateAsync();
        await archive.ImportAsync(Seeds.Folder);
        var before = await ArchiveSnapshot.TakeAsync(archive);
        var export = archive.WritePage($"{name.Replace(' ', '-')}.xml", text);

        var summary = await archive.ImportAsync(export);

        var failure = Assert.Single(summary.Failures);
        Assert.Equal(code, failure.Diagnostics[0].Code);
        Assert.Matches($"^{System.Text.RegularExpressions.Regex.Escape(export)}:[1-9][0-9]*: error {code}: ", Assert.Single(failure.Messages));
        Assert.Equal(before, await ArchiveSnapshot.TakeAsync(archive));
    }

    [Fact]
    public async Task Import_TruncatedExport_IsRefusedWholeAtTheLineWhereItEnds()
    {
        await using var archive = await TestArchive.CreateAsync();
        var text = await File.ReadAllTextAsync(Fixture, TestContext.Current.CancellationToken);
        // Cut after the first post: a reader that stored entries as it went would keep that one.
        var cut = text.IndexOf("kind#post", StringComparison.Ordinal);
        var export = archive.WritePage("truncated.xml", text[..text.IndexOf("</entry>", cut, StringComparison.Ordinal)]);

        var summary = await archive.ImportAsync(export);

        var failure = Assert.Single(summary.Failures);
        Assert.Equal("malformed-export", failure.Diagnostics[0].Code);
        Assert.True(failure.Diagnostics[0].Line > 1);
        await using var db = archive.OpenContext();
        Assert.Equal(0, await db.Posts.IgnoreQueryFilters().CountAsync(TestContext.Current.CancellationToken));
        Assert.Equal(0, await db.SourceFiles.CountAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Import_AMalformedEntryInAGoodExport_IsAWarningAndTheRestIsImported()
    {
        await using var archive = await TestArchive.CreateAsync();
        var good = Classic([new Post("100", "Kept", "Body.", "2019-06-11T10:00:00.000Z", "/2019/06/kept.html")], []);
        var export = archive.WritePage("export.xml", good.Replace("</feed>", """
            <entry><id>not a blogger id</id><category scheme='http://schemas.google.com/g/2005#kind' term='http://schemas.google.com/blogger/2008/kind#post'/><title>Lost</title></entry>
            </feed>
            """, StringComparison.Ordinal));

        var summary = await archive.ImportAsync(export);

        Assert.True(summary.Succeeded);
        Assert.Equal(1, summary.Export.Skipped);
        await using var db = archive.OpenContext();
        Assert.Equal(["Kept"], await db.Posts.Select(p => p.Title).ToListAsync(TestContext.Current.CancellationToken));
        Assert.Equal("bad-entry-id", (await db.ImportDiagnostics.SingleAsync(TestContext.Current.CancellationToken)).Code);
    }
}
