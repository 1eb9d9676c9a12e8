using System.Globalization;
using System.Text;

namespace ProbationArchive.Web.Tests.Reliability;

/// <summary>A corpus big enough that an import takes seconds: post pages with threads, and label pages over them.</summary>
internal static class CrashCorpus
{
    public static string Write(string folder, int posts, int commentsPerPost)
    {
        Directory.CreateDirectory(folder);
        var first = new DateOnly(2015, 1, 1);
        for (var i = 0; i < posts; i++)
        {
            var date = first.AddDays(i);
            File.WriteAllText(Path.Combine(folder, $"post-{i:D4}.txt"), PostPage(date, i, commentsPerPost));
        }

        for (var label = 0; label < posts / 10; label++)
        {
            var page = new StringBuilder($"Showing posts with label Topic {label}. Show all posts\n\n");
            for (var i = label * 10; i < label * 10 + 10; i += 2)
            {
                page.Append(CultureInfo.InvariantCulture, $"{DateLine(first.AddDays(i))}\n\nPost number {i}\n\n{Body(i)}\n\n");
            }

            File.WriteAllText(Path.Combine(folder, $"label-{label:D3}.txt"), page.ToString());
        }

        return folder;
    }

    private static string PostPage(DateOnly date, int i, int comments)
    {
        var page = new StringBuilder();
        page.Append(CultureInfo.InvariantCulture, $"{DateLine(date)}\n\nPost number {i}\n\n{Body(i)}\n\n{comments} comments:\n\n");
        var written = 0;
        for (var top = 1; written < comments; top++)
        {
            page.Append(CultureInfo.InvariantCulture, $"  {top}. Comment {top} on post {i}, with a second line\n    of text.\n\n    ReplyDelete\n");
            written++;
            var replies = Math.Min(top % 4, comments - written);
            if (replies > 0)
            {
                page.Append("    Replies\n");
                for (var r = 1; r <= replies; r++)
                {
                    page.Append(CultureInfo.InvariantCulture, $"    {r}. Reply {r} to comment {top} on post {i}.\n\n      Delete\n");
                }

                written += replies;
            }
        }

        return page.ToString();
    }

    private static string Body(int i) => $"The body of post {i}.\n\nA second paragraph about probation, caseloads and pay.";

    private static string DateLine(DateOnly date) => date.ToString("dddd, d MMMM yyyy", CultureInfo.InvariantCulture);
}
