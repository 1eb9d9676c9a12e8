using System.Globalization;
using ProbationArchive.Core.Archive;

namespace ProbationArchive.Web.Tests.Support;

/// <summary>
/// The seeded app plus one discussion long enough to be paged: 150 threads of up to three
/// replies, one thread longer than a page (<see cref="HugeThread"/>), and a reply to a reply.
/// </summary>
public sealed class LongDiscussionFactory : ArchiveWebFactory
{
    public const string PostPath = "/2001/04/long-discussion";
    public const int Threads = 150;

    /// <summary>This thread's 230 replies take a page of their own.</summary>
    public const int HugeThread = 40;
    public const int HugeThreadReplies = 230;

    /// <summary>This thread's first reply has a reply of its own ("41.1.1").</summary>
    public const int NestedThread = 41;

    public static int RepliesOf(int thread) => thread == HugeThread ? HugeThreadReplies : thread % 4;

    public static string Opening(int thread) => $"Thread {thread} opens with these words, then goes on for a while about the service and its staff.";

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        await WithDatabaseAsync(async db =>
        {
            var date = new DateOnly(2001, 4, 5);
            var post = new Post
            {
                IdentityKey = "test|long-discussion",
                Title = "A long discussion",
                PublishedOn = date,
                Slug = "long-discussion",
                Permalink = PostPath.TrimStart('/'),
                Body = "A post whose comments run to several pages.",
            };
            var position = 0;
            for (var t = 1; t <= Threads; t++)
            {
                var number = t.ToString(CultureInfo.InvariantCulture);
                var top = new Comment { Position = position++, ThreadPath = number, Text = Opening(t) };
                post.Comments.Add(top);
                for (var r = 1; r <= RepliesOf(t); r++)
                {
                    var reply = new Comment { Position = position++, ThreadPath = $"{t}.{r}", Text = $"Reply {r} in thread {t}.", Parent = top };
                    post.Comments.Add(reply);
                    if (t == NestedThread && r == 1)
                    {
                        post.Comments.Add(new Comment { Position = position++, ThreadPath = $"{t}.1.1", Text = "A reply to a reply.", Parent = reply });
                    }
                }
            }

            db.Posts.Add(post);
            await db.SaveChangesAsync();
        });
    }
}
