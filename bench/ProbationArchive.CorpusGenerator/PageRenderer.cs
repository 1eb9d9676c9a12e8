using System.Globalization;
using System.Text;

namespace ProbationArchive.CorpusGenerator;

/// <summary>Writes the three page shapes of FORMAT.md, LF line endings, as saved from Blogger.</summary>
public static class PageRenderer
{
    public static string Body(PlannedPost post, SeedMaterial material)
    {
        ArgumentNullException.ThrowIfNull(post);
        ArgumentNullException.ThrowIfNull(material);
        return string.Join("\n\n", post.BodyParagraphs.Select(p => string.Join('\n', material.BodyParagraphs[p])));
    }

    /// <summary>"Thursday 1 November 2018" on a post's page, "Tuesday, 17 January 2023" on a label page.</summary>
    public static string DateLine(DateOnly date, bool withComma) => string.Create(CultureInfo.InvariantCulture,
        $"{date.DayOfWeek}{(withComma ? "," : "")} {date.Day} {CultureInfo.InvariantCulture.DateTimeFormat.GetMonthName(date.Month)} {date.Year}");

    public static void SinglePost(StringBuilder page, PlannedPost post, string body, IReadOnlyList<GeneratedComment> threads)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(post);
        var count = CommentThreads.Count(threads);
        page.Append(DateLine(post.Date!.Value, withComma: false)).Append("\n\n")
            .Append(post.Title).Append("\n\n")
            .Append(body).Append("\n\n")
            .Append(count switch { 0 => "No comments:", 1 => "1 comment:", _ => $"{count} comments:" }).Append('\n');
        for (var i = 0; i < threads.Count; i++)
        {
            page.Append(i == 0 ? "\n" : "");
            Threaded(page, threads[i], i + 1, numberIndent: "  ", textIndent: "    ", "ReplyDelete");
            if (threads[i].Replies.Count > 0)
            {
                page.Append("    Replies\n");
                for (var r = 0; r < threads[i].Replies.Count; r++)
                {
                    Threaded(page, threads[i].Replies[r], r + 1, numberIndent: "    ", textIndent: "      ", "Delete");
                }
            }
        }
    }

    /// <summary>
    /// No date, no title, no count: body lines, then each comment ended by its marker glued to the
    /// next line. The first comment is a single line, since the parser takes the line before the
    /// first marker as the first comment.
    /// </summary>
    public static void FlattenedPost(StringBuilder page, PlannedPost post, SeedMaterial material, IReadOnlyList<GeneratedComment> threads)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(post);
        ArgumentNullException.ThrowIfNull(material);
        page.Append(post.Title).Append('\n');
        foreach (var paragraph in post.BodyParagraphs)
        {
            foreach (var line in material.BodyParagraphs[paragraph])
            {
                page.Append(line).Append('\n');
            }
        }

        var pendingMarker = "";
        var first = true;
        foreach (var thread in threads)
        {
            Flattened(thread, "ReplyDelete");
            foreach (var reply in thread.Replies)
            {
                Flattened(reply, "Delete");
            }
        }

        page.Append(pendingMarker).Append('\n');

        void Flattened(GeneratedComment comment, string marker)
        {
            var lines = comment.Lines.Where(l => l.Length > 0).ToList();
            page.Append(pendingMarker).Append(lines[0]).Append('\n');
            foreach (var line in lines.Skip(first ? lines.Count : 1))
            {
                page.Append(line).Append('\n');
            }

            first = false;
            pendingMarker = marker;
        }
    }

    public static void LabelPage(StringBuilder page, string label, IEnumerable<(PlannedPost Post, string Body)> posts)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(posts);
        var header = $"Showing posts with label {label}. Show all posts\n";
        page.Append(header).Append(header);
        foreach (var (post, body) in posts)
        {
            page.Append('\n').Append(DateLine(post.Date!.Value, withComma: true)).Append("\n\n")
                .Append(post.Title).Append("\n\n")
                .Append(body).Append('\n');
        }
    }

    private static void Threaded(StringBuilder page, GeneratedComment comment, int number, string numberIndent, string textIndent, string marker)
    {
        page.Append(numberIndent).Append(number.ToString(CultureInfo.InvariantCulture)).Append(". ").Append(comment.Lines[0]).Append('\n');
        foreach (var line in comment.Lines.Skip(1))
        {
            if (line.Length > 0)
            {
                page.Append(textIndent).Append(line);
            }

            page.Append('\n');
        }

        page.Append('\n').Append(textIndent).Append(marker).Append('\n');
    }
}
