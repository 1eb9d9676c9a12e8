using ProbationArchive.Core.Rendering;
using ProbationArchive.Web.Tests.Support;

namespace ProbationArchive.Web.Tests.Pages;

public class PostPageTests(ArchiveWebFactory factory)
{
    [Fact]
    public async Task Post_ShowsTitleDateAndRenderedBody()
    {
        var page = await factory.CreateReader().GetDocumentAsync(Seeds.Napo179);

        Assert.Equal("Latest From Napo 179", page.One("#post-title").Text());
        Assert.Equal("2018-11-01", page.One(".post-header time").GetAttribute("datetime"));
        Assert.Equal("Thursday 1 November 2018", page.One(".post-header time").Text());
        Assert.True(page.QuerySelectorAll(".post-body p").Length > 10);
        Assert.Equal("Sodexo hit the panic button on pay", page.QuerySelectorAll(".post-body p")[1].Text());
        Assert.Empty(page.QuerySelectorAll(".derived-title-note"));
    }

    [Fact]
    public async Task Post_ShowsEightThreadsAndSixRepliesInPageOrder()
    {
        var page = await factory.CreateReader().GetDocumentAsync(Seeds.Napo179);

        Assert.Equal("14 comments", page.One("#comments-heading").Text());
        var threads = page.QuerySelectorAll("#comments ol.threads > li");
        Assert.Equal(8, threads.Length);
        Assert.Equal(6, page.QuerySelectorAll("#comments .replies article").Length);
        Assert.Equal(
            ["3 replies", "No replies", "1 reply", "1 reply", "No replies", "No replies", "1 reply", "No replies"],
            threads.Select(t => t.One(":scope > article .thread-reply-count").Text()));
        Assert.Equal(
            ["Comment 1", "Comment 2", "Comment 3", "Comment 4", "Comment 5", "Comment 6", "Comment 7", "Comment 8"],
            threads.Select(t => t.One(":scope > article [rel=bookmark]").Text()));

        var firstReplies = threads[0].QuerySelectorAll(":scope > details > ol.replies > li > article");
        Assert.Equal(["Reply 1.1", "Reply 1.2", "Reply 1.3"], firstReplies.Select(r => r.One("[rel=bookmark]").Text()));
        Assert.StartsWith("once the idiots who perpetrated TR", firstReplies[0].One(":scope > div").Text(), StringComparison.Ordinal);
        Assert.StartsWith("IL also says", firstReplies[1].One(":scope > div").Text(), StringComparison.Ordinal);
        Assert.Equal("Napo only do for napo", firstReplies[2].One(":scope > div").Text());
    }

    [Fact]
    public async Task Comments_HaveAnchorsPermalinksAndLinksToTheirParent()
    {
        var page = await factory.CreateReader().GetDocumentAsync(Seeds.Napo179);

        var comments = page.QuerySelectorAll("#comments article");
        Assert.Equal(14, comments.Length);
        foreach (var comment in comments)
        {
            Assert.Matches("^c[0-9]+$", comment.Id);
            // The permalink is the comment's lasting address ("?comment={id}"), which finds the page that holds it.
            Assert.Equal($"?comment={comment.Id![1..]}", comment.One(":scope > header > :is(h3, h4) > a[rel=bookmark]").GetAttribute("href"));
        }

        foreach (var thread in page.QuerySelectorAll(".threads > li"))
        {
            var parent = thread.One(":scope > article");
            foreach (var reply in thread.QuerySelectorAll(".replies article"))
            {
                var inReplyTo = reply.One("a.in-reply-to");
                Assert.Equal("#" + parent.Id, inReplyTo.GetAttribute("href"));
                var parentNumber = parent.One("[rel=bookmark]").Text().Replace("Comment ", "", StringComparison.Ordinal);
                Assert.Equal($"Reply to comment {parentNumber}:", reply.One(".visually-hidden").Text());
            }
        }
    }

    [Fact]
    public async Task Threads_HaveReplyCountsCollapseControlsAndNextThreadLinks()
    {
        var page = await factory.CreateReader().GetDocumentAsync(Seeds.Napo179);
        var threads = page.QuerySelectorAll(".threads > li");

        Assert.Equal("3 replies", threads[0].One(".thread-reply-count").Text());
        Assert.Equal("No replies", threads[1].One(".thread-reply-count").Text());
        // Collapsing needs no script: a <details> open by default around each thread's replies.
        var details = page.QuerySelectorAll(".threads > li > details");
        Assert.Equal(4, details.Length);
        Assert.All(details, d => Assert.True(d.HasAttribute("open")));
        Assert.Contains("3 replies to comment 1", details[0].One("summary").Text(), StringComparison.Ordinal);
        Assert.Empty(page.QuerySelectorAll("script"));

        for (var i = 0; i < threads.Length; i++)
        {
            var next = threads[i].QuerySelector(":scope > article .next-thread");
            if (i + 1 < threads.Length)
            {
                Assert.Equal("#" + threads[i + 1].One(":scope > article").Id, next?.GetAttribute("href"));
            }
            else
            {
                Assert.Null(next);
            }
        }
    }

    [Fact]
    public async Task CommentLinks_AreAutolinkedAndMarkedAsUserContent()
    {
        var page = await factory.CreateReader().GetDocumentAsync(Seeds.Napo179);

        var link = page.One(".threads > li:nth-child(2) > article > div a");
        Assert.StartsWith("https://iwradio.co.uk/2018/11/01/", link.GetAttribute("href"), StringComparison.Ordinal);
        Assert.Equal(ArchiveMarkdown.CommentLinkRel, link.GetAttribute("rel"));
    }

    [Fact]
    public async Task Post_LinksToTheNewerAndOlderPost()
    {
        var page = await factory.CreateReader().GetDocumentAsync(Seeds.Napo179);

        Assert.Equal("/2019/03/probation-as-a-job", page.One(".post-nav a.newer").GetAttribute("href"));
        Assert.Equal("/2018/10/napo-at-work-in-the-south-west-17", page.One(".post-nav a.older").GetAttribute("href"));
    }

    [Fact]
    public async Task LabelledPost_LinksItsLabels()
    {
        var page = await factory.CreateReader().GetDocumentAsync("/2019/03/probation-as-a-job");

        var label = page.One(".post-header .post-labels a");
        Assert.Equal("PO", label.Text());
        Assert.Equal("/label/PO", label.GetAttribute("href"));
        // Known only from the PO label page, which shows no comments: none were saved, which is not "none".
        Assert.Equal("Comments not saved", page.One("#comments-heading").Text());
    }

    [Fact]
    public async Task UndatedPost_SaysDateUnknownAndThatItsTitleIsDerived()
    {
        var page = await factory.CreateReader().GetDocumentAsync(Seeds.Undated);

        Assert.Equal("Date unknown", page.One(".post-header .date-unknown").Text());
        Assert.Empty(page.QuerySelectorAll(".post-header time"));
        Assert.StartsWith("Here we have highlights", page.One("#post-title").Text(), StringComparison.Ordinal);
        Assert.Contains("derived", page.One(".derived-title-note").Text(), StringComparison.Ordinal);
        Assert.Equal(44, page.QuerySelectorAll("#comments article").Length);
        Assert.Equal(18, page.QuerySelectorAll("#comments .threads > li").Length);
        // Undated posts come after every dated one, so the oldest dated post is its newer neighbour.
        Assert.Equal("/2015/02/napo-on-the-case", page.One(".post-nav a.newer").GetAttribute("href"));
        Assert.Empty(page.QuerySelectorAll(".post-nav a.older"));
    }
}
