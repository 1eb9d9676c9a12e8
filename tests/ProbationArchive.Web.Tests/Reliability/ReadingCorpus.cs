using System.Globalization;
using System.Text;

namespace ProbationArchive.Web.Tests.Reliability;

/// <summary>
/// Post pages whose threads differ in size from post to post, in two versions written to the same
/// file names: version 2 gives every thread another size and every comment new text, so a reader
/// can tell which import's thread a page shows and whether it shows all of it. Label pages (named
/// to come after the posts in import order) add labels without touching comments.
/// </summary>
internal sealed class ReadingCorpus(int posts)
{
    public const string LabelPrefix = "Reading topic ";

    private static readonly DateOnly First = new(2016, 1, 1);

    public int Posts => posts;

    public int LabelPages => posts / 10;

    /// <summary>The post's address below the site root, as the importer makes it.</summary>
    public static string Address(int post) =>
        string.Create(CultureInfo.InvariantCulture, $"/{Date(post):yyyy}/{Date(post):MM}/reading-post-{post}");

    /// <summary>Comments (top-level and replies) the page of this version gives the post: 0 to 60, never equal across versions.</summary>
    public static int Comments(int post, int version)
    {
        var first = post % 25 == 0 ? 0 : 1 + (post * 37 % 60);
        if (version == 1)
        {
            return first;
        }

        // Some threads grow and some shrink, so both the insert and the delete paths of a re-import run.
        return post % 2 == 0 ? first + 3 : first >= 2 ? first - 2 : first + 2;
    }

    public void Write(string folder, int version)
    {
        Directory.CreateDirectory(folder);
        for (var i = 0; i < posts; i++)
        {
            File.WriteAllText(Path.Combine(folder, $"a-post-{i:D4}.txt"), PostPage(i, version));
        }

        for (var label = 0; label < LabelPages; label++)
        {
            var page = new StringBuilder($"Showing posts with label {LabelPrefix}{label}. Show all posts\n\n");
            for (var i = label * 10; i < label * 10 + 10; i += 2)
            {
                page.Append(CultureInfo.InvariantCulture, $"{DateLine(Date(i))}\n\nReading post {i}\n\n{Body(i)}\n\n");
            }

            File.WriteAllText(Path.Combine(folder, $"z-label-{label:D3}.txt"), page.ToString());
        }
    }

    private static string PostPage(int post, int version)
    {
        var count = Comments(post, version);
        var page = new StringBuilder();
        page.Append(CultureInfo.InvariantCulture, $"{DateLine(Date(post))}\n\nReading post {post}\n\n{Body(post)}\n\n");
        page.Append(count == 0 ? "No comments:\n\n" : string.Create(CultureInfo.InvariantCulture, $"{count} comments:\n\n"));
        var written = 0;
        for (var top = 1; written < count; top++)
        {
            page.Append(CultureInfo.InvariantCulture, $"  {top}. {CommentText(post, version, $"{top}")}\n    with a second line.\n\n    ReplyDelete\n");
            written++;
            var replies = Math.Min((top + post) % 4, count - written);
            if (replies > 0)
            {
                page.Append("    Replies\n");
                for (var r = 1; r <= replies; r++)
                {
                    page.Append(CultureInfo.InvariantCulture, $"    {r}. {CommentText(post, version, $"{top}.{r}")}\n\n      Delete\n");
                }

                written += replies;
            }
        }

        return page.ToString();
    }

    /// <summary>"Comment 3.1 on post 17, version 2.": the version is what a reader checks.</summary>
    private static string CommentText(int post, int version, string path) =>
        string.Create(CultureInfo.InvariantCulture, $"Comment {path} on post {post}, version {version}.");

    private static string Body(int post) => $"The body of reading post {post}.\n\nA second paragraph about caseloads.";

    private static DateOnly Date(int post) => First.AddDays(post);

    private static string DateLine(DateOnly date) => date.ToString("dddd, d MMMM yyyy", CultureInfo.InvariantCulture);
}
