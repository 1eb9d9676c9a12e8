using System.Globalization;
using ProbationArchive.Web.Tests.Support;

namespace ProbationArchive.Web.Tests.Search;

/// <summary>Issue 13, point 5: one result a post, its matching comments beneath it, named and linked.</summary>
public class SearchGroupingTests(ArchiveWebFactory factory)
{
    [Fact]
    public async Task ManyMatchesInAPost_AreOneResult_WithItsBestCommentsNamedAndLinked_AndACountOfTheRest()
    {
        var client = factory.CreateReader();

        var page = await client.GetDocumentAsync(SearchClient.Url("napo"));

        var hits = page.QuerySelectorAll(".search-hit");
        Assert.Equal(page.Total(), hits.Length);
        Assert.Equal(hits.Length, hits.Select(h => h.GetAttribute("data-post-id")).Distinct().Count());
        var busy = hits.Where(h => Number(h, "data-comment-matches") > 3).ToList();
        Assert.NotEmpty(busy);
        foreach (var hit in hits)
        {
            var matches = Number(hit, "data-comment-matches");
            var listed = hit.QuerySelectorAll(".hit-comments li");
            Assert.Equal(Math.Min(3, matches), listed.Length);
            var more = hit.QuerySelector(".more-comments a");
            Assert.Equal(matches > 3 ? $"and {matches - 3} more matching {(matches - 3 == 1 ? "comment" : "comments")}" : null, more?.Text());
            var post = await client.GetDocumentAsync(hit.One(".search-hit-title a").GetAttribute("href")!);
            foreach (var comment in listed)
            {
                // "Reply 1.3" or "Comment 3", as the post's page names it at the anchor the link lands on.
                var link = comment.One(":scope > a");
                var anchor = "c" + link.GetAttribute("href")!.Split("?comment=")[1];
                Assert.Equal("c" + comment.GetAttribute("data-comment-id"), anchor);
                Assert.Equal(post.One($"#{anchor}").One("[rel=bookmark]").Text(), link.Text());
                Assert.NotEmpty(comment.QuerySelectorAll(".snippet mark"));
            }
        }
    }

    private static int Number(AngleSharp.Dom.IElement hit, string attribute) => int.Parse(hit.GetAttribute(attribute)!, CultureInfo.InvariantCulture);
}
