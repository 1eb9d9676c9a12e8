using Microsoft.EntityFrameworkCore;
using ProbationArchive.Core.Rendering;
using ProbationArchive.Web.Tests.Support;

namespace ProbationArchive.Web.Tests.Pages;

/// <summary>Issue 13, points 1, 2 and 7: the seeds' text reads as paragraphs, lists end, excerpts keep blocks apart.</summary>
public sealed class ReadingTextTests(ArchiveWebFactory factory)
{
    [Fact]
    public async Task HardWrappedPressRelease_IsShownAsParagraphs_WhileTheStoredTextKeepsItsLines()
    {
        var page = await factory.CreateReader().GetDocumentAsync(Seeds.NapoOnTheCase);

        var paragraph = page.QuerySelectorAll(".post-body p").Single(p => p.Text().StartsWith("Unions representing probation staff", StringComparison.Ordinal));
        Assert.Empty(paragraph.QuerySelectorAll("br"));
        Assert.Contains("offer rehabilitation support to the estimated 45,000 prisoners", paragraph.Text(), StringComparison.Ordinal);
        // No paragraph of the press release keeps a wrapping tool's break.
        Assert.Empty(page.QuerySelectorAll(".post-body p br"));

        var body = await factory.ReadStoreAsync((db, ct) => db.Posts.Where(p => p.Title == "Napo On the Case").Select(p => p.Body).SingleAsync(ct));
        Assert.Contains("offer rehabilitation\nsupport to the estimated", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WriterBreaks_AreKept_ForSignaturesAndShortLines()
    {
        var report = await factory.CreateReader().GetDocumentAsync(Seeds.ReportHighlights);
        var signature = report.QuerySelectorAll(".post-body p").First(p => p.Text().StartsWith("Justin Russell", StringComparison.Ordinal));
        Assert.Equal(["Justin Russell", "HM Chief Inspector of Probation"], signature.InnerHtml.Split("<br>").Select(l => l.Trim()));

        var napo = await factory.CreateReader().GetDocumentAsync(Seeds.NapoOnTheCase);
        var names = napo.QuerySelectorAll("#comments article > div p").Single(p => p.Text().StartsWith("Adullam", StringComparison.Ordinal));
        Assert.Equal(44, names.QuerySelectorAll("br").Length);
    }

    [Fact]
    public async Task ParagraphsAfterAList_AreNotInsideItsLastItem()
    {
        var page = await factory.CreateReader().GetDocumentAsync(Seeds.Undated);

        var item = page.QuerySelectorAll(".post-body li").Single(li => li.Text().StartsWith("83% of respondents", StringComparison.Ordinal));
        Assert.DoesNotContain("Further engagement", item.Text(), StringComparison.Ordinal);
        var after = item.ParentElement!.NextElementSibling!;
        Assert.Equal("P", after.TagName);
        Assert.StartsWith("Further engagement is scheduled", after.Text(), StringComparison.Ordinal);
        Assert.Contains("VLO Update 19 May 2023", after.Text(), StringComparison.Ordinal);
        Assert.Null(after.Closest("li"));
    }

    [Fact]
    public async Task Excerpts_KeepASeparatorBetweenHeadingsAndParagraphs()
    {
        var page = await factory.CreateReader().GetDocumentAsync("/");

        var report = page.QuerySelectorAll(".post-summary").Single(p => p.One("h2 a").Text() == "Report Highlights Structural Failings");
        Assert.Contains(
            $"Damien Bendall{Excerpt.Separator}Background{Excerpt.Separator}Damien Bendall murdered",
            report.One(".excerpt").TextContent,
            StringComparison.Ordinal);
    }
}
