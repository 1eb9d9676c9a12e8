using Microsoft.EntityFrameworkCore;
using ProbationArchive.Web.Reading;
using ProbationArchive.Web.Tests.Support;

namespace ProbationArchive.Web.Tests.Pages;

/// <summary>Issue 13, points 6 and 10: threads link to their neighbours at the top and at the end of a long one; every comment has a heading.</summary>
public sealed class CommentThreadNavigationTests(ArchiveWebFactory factory)
{
    [Theory]
    [InlineData(Seeds.Napo179)]
    [InlineData(Seeds.NapoOnTheCase)]
    [InlineData(Seeds.Undated)]
    public async Task EveryThread_LinksThePreviousAndNextThread_InItsHeader(string url)
    {
        var page = await factory.CreateReader().GetDocumentAsync(url);

        var threads = page.QuerySelectorAll("#comments .threads > li > article");
        Assert.True(threads.Length > 2);
        for (var i = 0; i < threads.Length; i++)
        {
            var header = threads[i].One(":scope > header");
            Assert.Equal(i == 0 ? null : "#" + threads[i - 1].Id, header.QuerySelector("a.previous-thread")?.GetAttribute("href"));
            Assert.Equal(i == threads.Length - 1 ? null : "#" + threads[i + 1].Id, header.QuerySelector("a.next-thread")?.GetAttribute("href"));
        }
    }

    [Theory]
    [InlineData(Seeds.Napo179)]
    [InlineData(Seeds.NapoOnTheCase)]
    [InlineData(Seeds.Undated)]
    public async Task LongThreads_RepeatTheLinksAtTheirEnd_AndShortOnesDoNot(string url)
    {
        var texts = await factory.ReadStoreAsync((db, ct) => db.Comments.AsNoTracking()
            .Where(c => "/" + c.Post.Permalink == url)
            .Select(c => new { c.ThreadPath, c.ParentId, c.Text.Length })
            .ToListAsync(ct));
        // A thread is long when its replies' text passes the limit; the thread of "3.1" is "3".
        var replyText = texts.Where(c => c.ParentId is not null)
            .GroupBy(c => c.ThreadPath.Split('.')[0])
            .ToDictionary(g => g.Key, g => g.Sum(c => c.Length));
        var page = await factory.CreateReader().GetDocumentAsync(url);

        var threads = page.QuerySelectorAll("#comments .threads > li");
        var longThreads = 0;
        foreach (var thread in threads)
        {
            var number = thread.One(":scope > article [rel=bookmark]").Text().Replace("Comment ", "", StringComparison.Ordinal);
            var isLong = replyText.GetValueOrDefault(number) > CommentNode.LongThreadCharacters;
            var end = thread.QuerySelector(":scope > details > p.thread-end");
            Assert.Equal(isLong, end is not null);
            if (end is not null)
            {
                longThreads++;
                var header = thread.One(":scope > article > header");
                Assert.Equal(header.QuerySelector("a.previous-thread")?.GetAttribute("href"), end.QuerySelector("a.previous-thread")?.GetAttribute("href"));
                Assert.Equal(header.QuerySelector("a.next-thread")?.GetAttribute("href"), end.QuerySelector("a.next-thread")?.GetAttribute("href"));
                Assert.Same(thread.One(":scope > details > ol.replies"), end.PreviousElementSibling);
            }
        }

        TestContext.Current.SendDiagnosticMessage($"{url}: {longThreads} long threads of {threads.Length}");
    }

    [Fact]
    public async Task SomeSeedThread_IsLongEnoughToRepeatItsLinks()
    {
        var page = await factory.CreateReader().GetDocumentAsync(Seeds.Undated);

        Assert.NotEmpty(page.QuerySelectorAll("#comments p.thread-end a.next-thread"));
    }

    [Theory]
    [InlineData(Seeds.Napo179)]
    [InlineData(Seeds.Undated)]
    public async Task EveryComment_HasAHeading_ItsPermalink_OneLevelBelowItsParent(string url)
    {
        var page = await factory.CreateReader().GetDocumentAsync(url);

        Assert.Equal("H2", page.One("#comments-heading").TagName);
        foreach (var comment in page.QuerySelectorAll("#comments article"))
        {
            var heading = comment.One(":scope > header > :is(h1, h2, h3, h4, h5, h6)");
            var isReply = comment.Closest(".replies") is not null;
            Assert.Equal(isReply ? "H4" : "H3", heading.TagName);
            Assert.Equal(comment.One("[rel=bookmark]").Text(), heading.Text());
            Assert.Equal("?comment=" + comment.Id![1..], heading.One("a").GetAttribute("href"));
        }
    }
}
