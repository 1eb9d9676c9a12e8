using System.Net;
using Microsoft.EntityFrameworkCore;
using ProbationArchive.Web.Tests.Feeds;
using ProbationArchive.Web.Tests.Support;

namespace ProbationArchive.Web.Tests.Pages;

/// <summary>Issue 13, point 8: what each page tells search engines and sharing sites in its head.</summary>
public sealed class HeadTests(ArchiveWebFactory factory)
{
    [Fact]
    public async Task EveryPage_HasOneDescription_AndEachArchivePageOneCanonicalAddress()
    {
        var client = factory.CreateReader();
        foreach (var (path, status) in await ArchivePages.AllAsync(client))
        {
            var page = await client.GetDocumentAsync(path, status);

            var description = page.QuerySelectorAll("head meta[name=description]");
            Assert.True(description.Length == 1 && description[0].GetAttribute("content")!.Length > 20, $"{path}: no description");
            var canonical = page.QuerySelectorAll("head link[rel=canonical]");
            if (status == HttpStatusCode.OK)
            {
                Assert.True(canonical.Length == 1, $"{path}: {canonical.Length} canonical links");
                // The sitemap lists each page by its canonical address; the other pages here are already in their normal form.
                Assert.Equal(FeedReader.Site + path, canonical[0].GetAttribute("href"));
            }
            else
            {
                Assert.True(canonical.Length == 0, $"{path} answers {(int)status} yet names a canonical address");
            }
        }
    }

    [Theory]
    [InlineData("/?utm_source=feed", "/")]
    [InlineData("/label/PO?page=1", "/label/PO")]
    [InlineData("/labels?sort=COUNT&x=1", "/labels?sort=count")]
    [InlineData("/search?q=napo++pay+&page=1&utm=x", "/search?q=napo%20pay")]
    public async Task Canonical_DropsWhatThePageDoesNotRead(string path, string canonical)
    {
        var page = await factory.CreateReader().GetDocumentAsync(path);

        Assert.Equal(FeedReader.Site + canonical, page.One("link[rel=canonical]").GetAttribute("href"));
    }

    [Fact]
    public async Task PagedList_IsItsOwnCanonicalPage()
    {
        using var small = factory.WithPageSize(4);

        var page = await small.CreateClient().GetDocumentAsync("/?page=2");

        Assert.Equal(FeedReader.Site + "/?page=2", page.One("link[rel=canonical]").GetAttribute("href"));
        Assert.Contains("page 2", page.One("meta[name=description]").GetAttribute("content"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostPages_DescribeThemselvesByTheirExcerpt_AndForSharingByOpenGraph()
    {
        var client = factory.CreateReader();
        var home = await client.GetDocumentAsync("/");
        var permalinks = await factory.ReadStoreAsync((db, ct) => db.Posts.Select(p => p.Permalink).ToListAsync(ct));

        foreach (var permalink in permalinks)
        {
            var page = await client.GetDocumentAsync("/" + permalink);
            var excerpt = home.QuerySelectorAll(".post-summary").Single(s => s.One("h2 a").GetAttribute("href") == "/" + permalink).One(".excerpt").TextContent;

            Assert.Equal(excerpt, page.One("meta[name=description]").GetAttribute("content"));
            Assert.Equal(page.One("#post-title").TextContent, page.One("meta[property='og:title']").GetAttribute("content"));
            Assert.Equal(excerpt, page.One("meta[property='og:description']").GetAttribute("content"));
            Assert.Equal("article", page.One("meta[property='og:type']").GetAttribute("content"));
            Assert.Equal(FeedReader.Site + "/" + permalink, page.One("meta[property='og:url']").GetAttribute("content"));
        }
    }

    [Fact]
    public async Task OtherPages_HaveNoOpenGraph()
    {
        var page = await factory.CreateReader().GetDocumentAsync("/label/PO");

        Assert.Empty(page.QuerySelectorAll("meta[property^='og:']"));
    }
}
