using System.Globalization;
using Microsoft.EntityFrameworkCore;
using ProbationArchive.Core.Parsing;
using ProbationArchive.Web.Tests.Support;

namespace ProbationArchive.Web.Tests.Pages;

/// <summary>Issue 13, points 3 and 4: each post says where it came from, and a post known only from a label page says its comments were not saved.</summary>
public sealed class ProvenanceTests(ArchiveWebFactory factory)
{
    [Fact]
    public async Task EveryPost_NamesItsSavedPagesLinesAndImportTimes_AtItsFoot()
    {
        var posts = await factory.ReadStoreAsync((db, ct) => db.Posts.AsNoTracking()
            .Select(p => new
            {
                p.Permalink,
                Sources = p.Sources.OrderBy(s => s.SourceFile.ImportedAtUtc).ThenBy(s => s.SourceFileId)
                    .Select(s => new { s.SourceFile.Path, s.Line, s.SourceFile.PageKind, s.SourceFile.Label, s.SourceFile.ImportedAtUtc }).ToList(),
            })
            .ToListAsync(ct));
        Assert.Equal(10, posts.Count);

        foreach (var post in posts)
        {
            var page = await factory.CreateReader().GetDocumentAsync("/" + post.Permalink);
            var source = page.One("article.post > section.post-source");
            Assert.Equal("Source", source.One("h2").Text());
            Assert.Same(source, page.QuerySelector("article.post")!.LastElementChild);

            var items = source.QuerySelectorAll("li");
            Assert.Equal(post.Sources.Count, items.Length);
            for (var i = 0; i < items.Length; i++)
            {
                var expected = post.Sources[i];
                Assert.Equal(Path.GetFileName(expected.Path), items[i].One("code.source-file").Text());
                Assert.Equal(expected.Line.ToString(CultureInfo.InvariantCulture), items[i].One(".source-line").Text());
                var imported = DateTime.Parse(items[i].One("time").GetAttribute("datetime")!, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal);
                Assert.Equal(expected.ImportedAtUtc, imported, TimeSpan.FromSeconds(1));
                Assert.Equal(expected.PageKind == PageKind.LabelPage, items[i].Text().Contains($"the label page for {expected.Label}", StringComparison.Ordinal));
                // The server's folders are not the reader's business.
                Assert.DoesNotContain("/", items[i].One("code.source-file").Text(), StringComparison.Ordinal);
            }

            var seenOnLabelPage = post.Sources.Any(s => s.PageKind == PageKind.LabelPage);
            Assert.Equal(seenOnLabelPage ? "Seen on the label page for PO." : "Not seen on a label page.", source.One(".source-label-pages").Text());
        }
    }

    [Fact]
    public async Task PostKnownOnlyFromALabelPage_SaysCommentsNotSaved_OnItsPageAndInLists()
    {
        var labelOnly = await factory.ReadStoreAsync((db, ct) => db.Posts.AsNoTracking()
            .Where(p => p.Sources.All(s => s.SourceFile.PageKind == PageKind.LabelPage))
            .Select(p => p.Title).ToListAsync(ct));
        Assert.Equal(Seeds.PoTitlesNewestFirst.Order(StringComparer.Ordinal), labelOnly.Order(StringComparer.Ordinal));

        var post = await factory.CreateReader().GetDocumentAsync(Seeds.ReportHighlights);
        Assert.Equal("Comments not saved", post.One("#comments-heading").Text());
        Assert.Contains("label page for PO", post.One("#comments .comments-note").Text(), StringComparison.Ordinal);
        Assert.Empty(post.QuerySelectorAll("#comments ol"));

        foreach (var list in new[] { "/", "/label/PO" })
        {
            var page = await factory.CreateReader().GetDocumentAsync(list);
            foreach (var summary in page.QuerySelectorAll(".post-summary"))
            {
                var title = summary.One("h2 a").Text();
                var count = summary.One("a.comment-count").Text();
                Assert.Equal(labelOnly.Contains(title), count.StartsWith("Comments not saved", StringComparison.Ordinal));
                Assert.DoesNotContain("No comments", count, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public async Task PostFromItsOwnPage_CountsItsComments()
    {
        var page = await factory.CreateReader().GetDocumentAsync(Seeds.NapoOnTheCase);

        Assert.Equal("34 comments", page.One("#comments-heading").Text());
        Assert.Equal(34, page.QuerySelectorAll("#comments article").Length);
    }
}
