using ProbationArchive.Web.Reading;

namespace ProbationArchive.Web.Tests.Reading;

public sealed class CommentThreadsTests
{
    [Fact]
    public void Build_NestsRepliesUnderTheirParentsInPageOrder()
    {
        var threads = CommentThreads.Build(
        [
            new(1, null, "1", "a"),
            new(2, 1, "1.1", "b"),
            new(3, 2, "1.1.1", "c"),
            new(4, 1, "1.2", "d"),
            new(5, null, "2", "e"),
        ]);

        Assert.Equal(["1", "2"], threads.Select(t => t.ThreadPath));
        Assert.Equal(3, threads[0].ReplyCount);
        Assert.Equal(["1.1", "1.2"], threads[0].Replies.Select(r => r.ThreadPath));
        Assert.Equal("1.1.1", threads[0].Replies[0].Replies.Single().ThreadPath);
        Assert.Same(threads[0], threads[0].Replies[1].Parent);
        Assert.Equal(0, threads[1].ReplyCount);
    }

    [Fact]
    public void Build_ShowsAReplyWhoseParentIsMissingAsItsOwnThread()
    {
        var threads = CommentThreads.Build([new(1, null, "1", "a"), new(2, 99, "2.1", "orphan"), new(3, 3, "3", "self")]);

        Assert.Equal(["1", "2.1", "3"], threads.Select(t => t.ThreadPath));
    }
}
