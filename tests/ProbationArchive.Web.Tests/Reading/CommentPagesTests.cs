using ProbationArchive.Web.Reading;

namespace ProbationArchive.Web.Tests.Reading;

public sealed class CommentPagesTests
{
    [Fact]
    public void Split_FillsEachPageWithWholeThreads_UpToTheLimit()
    {
        // 150 threads of 2 comments: 100 threads (200 comments) a page.
        var pages = CommentPages.Split(Threads(Enumerable.Repeat(1, 150)));

        Assert.Equal(2, pages.Count);
        Assert.Equal(0..100, pages.ThreadsOn(1));
        Assert.Equal(100..150, pages.ThreadsOn(2));
    }

    [Fact]
    public void Split_NeverCutsAThread_AndGivesALongOneAPageOfItsOwn()
    {
        // 199 comments, then a thread of 2 that would make 201, then one of 300, then one of 1 that would make 301.
        var pages = CommentPages.Split(Threads([198, 1, 299, 0]));

        Assert.Equal([0..1, 1..2, 2..3, 3..4], Enumerable.Range(1, pages.Count).Select(pages.ThreadsOn));
    }

    [Fact]
    public void Split_PutsAThreadPastTheLimitOnANewPage_EvenAfterAShortOne()
    {
        var pages = CommentPages.Split(Threads([0, 299, 0]));

        Assert.Equal([0..1, 1..2, 2..3], Enumerable.Range(1, pages.Count).Select(pages.ThreadsOn));
    }

    [Fact]
    public void Split_MovesNoThread_WhenThreadsAreAddedAtTheEnd()
    {
        var sizes = Enumerable.Range(0, 400).Select(i => i % 7).ToList();
        var before = CommentPages.Split(Threads(sizes));
        var after = CommentPages.Split(Threads([.. sizes, 3, 0, 5, 150]));

        for (var i = 0; i < sizes.Count; i++)
        {
            Assert.Equal(before.PageOfThread(i), after.PageOfThread(i));
        }
    }

    [Fact]
    public void PageOfThread_IsThePageWhoseThreadsHoldIt()
    {
        var pages = CommentPages.Split(Threads(Enumerable.Range(0, 500).Select(i => i % 5)));

        Assert.True(pages.Count > 3);
        for (var page = 1; page <= pages.Count; page++)
        {
            var (first, count) = pages.ThreadsOn(page).GetOffsetAndLength(500);
            Assert.True(count > 0);
            Assert.All(Enumerable.Range(first, count), i => Assert.Equal(page, pages.PageOfThread(i)));
        }
    }

    [Fact]
    public void Split_OfNoThreads_IsOneEmptyPage()
    {
        var pages = CommentPages.Split([]);

        Assert.Equal(1, pages.Count);
        Assert.Equal(0, pages.ThreadsOn(1).GetOffsetAndLength(0).Length);
    }

    /// <summary>One thread per entry, with that many replies (the first of them nested deeper when there are three or more).</summary>
    private static List<CommentNode> Threads(IEnumerable<int> replyCounts)
    {
        var id = 0;
        var threads = new List<CommentNode>();
        foreach (var replies in replyCounts)
        {
            var top = new CommentNode(++id, $"{threads.Count + 1}", "");
            CommentNode? first = null;
            for (var r = 0; r < replies; r++)
            {
                var reply = new CommentNode(++id, $"{threads.Count + 1}.{r + 1}", "");
                if (first is not null && replies >= 3 && r == 1)
                {
                    first.Add(reply);
                    continue;
                }

                first ??= reply;
                top.Add(reply);
            }

            threads.Add(top);
        }

        return threads;
    }
}
