using System.Globalization;
using Microsoft.EntityFrameworkCore;
using ProbationArchive.Core.Archive;

namespace ProbationArchive.Web.Tests.Support;

/// <summary>
/// The seeded app plus posts the seeds lack: one with a single thread, one with thirty, and one
/// full of hostile text, with a second label so "/label/A+B" has something to select.
/// </summary>
public sealed class ConstructedArchiveFactory : ArchiveWebFactory
{
    public const string OneThread = "/2001/01/one-thread";
    public const string ThirtyThreads = "/2001/02/thirty-threads";
    public const string Hostile = "/2001/03/hostile-text";
    public const string SecondLabel = "Napo";

    public const string HostileTitle = "<b>Bold</b> & \"quoted\" <script>alert('title')</script>";

    public static readonly string[] HostileComments =
    [
        "<script>alert('comment')</script> and <img src=x onerror=alert(1)>",
        "[click me](javascript:alert(1)) and <javascript:alert(2)> and [data](data:text/html;base64,PHNjcmlwdD4=)",
        "![tracker](http://example.com/pixel.png) then https://example.com/ok and mailto:someone@example.com",
    ];

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        await WithDatabaseAsync(async db =>
        {
            var po = await db.Labels.SingleAsync(l => l.Name == "PO");
            var napo = new Label { Name = SecondLabel };
            var one = NewPost(new DateOnly(2001, 1, 5), "one-thread", "One thread", threads: 1);
            var thirty = NewPost(new DateOnly(2001, 2, 5), "thirty-threads", "Thirty threads", threads: 30);
            var hostile = NewPost(new DateOnly(2001, 3, 5), "hostile-text", HostileTitle, threads: 0);
            hostile.Body = "<script>alert('body')</script>\n\n<iframe src=\"https://example.com\"></iframe>\n\nPlain words.";
            for (var i = 0; i < HostileComments.Length; i++)
            {
                hostile.Comments.Add(new Comment { Position = i, ThreadPath = (i + 1).ToString(CultureInfo.InvariantCulture), Text = HostileComments[i] });
            }

            one.Labels.Add(napo);
            hostile.Labels.Add(napo);
            hostile.Labels.Add(po);
            db.Posts.AddRange(one, thirty, hostile);
            await db.SaveChangesAsync();
        });
    }

    /// <summary>A post whose threads each hold a top-level comment and two replies.</summary>
    private static Post NewPost(DateOnly date, string slug, string title, int threads)
    {
        var post = new Post
        {
            IdentityKey = $"test|{slug}",
            Title = title,
            PublishedOn = date,
            Slug = slug,
            Permalink = $"{date:yyyy}/{date:MM}/{slug}",
            Body = $"The body of {slug}.",
        };
        var position = 0;
        for (var t = 1; t <= threads; t++)
        {
            var top = new Comment { Position = position++, ThreadPath = $"{t}", Text = $"Thread {t} opens." };
            post.Comments.Add(top);
            for (var r = 1; r <= 2; r++)
            {
                var reply = new Comment { Position = position++, ThreadPath = $"{t}.{r}", Text = $"Reply {r} in thread {t}.", Parent = top };
                post.Comments.Add(reply);
            }
        }

        return post;
    }
}
