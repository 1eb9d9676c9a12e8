using System.Text.RegularExpressions;

namespace ProbationArchive.Core.Parsing;

/// <summary>The fixed phrases Blogger puts around posts and comments.</summary>
internal static partial class PageSyntax
{
    public const string ReplyDeleteMarker = "ReplyDelete";
    public const string DeleteMarker = "Delete";
    public const string RepliesMarker = "Replies";

    /// <summary>"14 comments:", "1 comment:", "No comments:" at the start of a line.</summary>
    [GeneratedRegex(@"^(?<count>\d{1,7}|No) comments?:$", RegexOptions.CultureInvariant)]
    public static partial Regex CommentCountLine();

    /// <summary>"Showing posts with label PO. Show all posts"; the "." ends the sentence, not the label.</summary>
    [GeneratedRegex(@"^Showing posts with label (?<label>.+?)\. Show all posts$", RegexOptions.CultureInvariant)]
    public static partial Regex LabelHeader();

    /// <summary>"3. text": a comment's number and its first line of text.</summary>
    [GeneratedRegex(@"^(?<number>\d{1,6})\.(?: (?<text>.*))?$", RegexOptions.CultureInvariant)]
    public static partial Regex NumberedStart();

    public static bool StartsWithFlattenedMarker(string line) =>
        line.StartsWith(ReplyDeleteMarker, StringComparison.Ordinal) || line.StartsWith(DeleteMarker, StringComparison.Ordinal);

    public static int Indentation(string line)
    {
        var count = 0;
        while (count < line.Length && line[count] == ' ')
        {
            count++;
        }

        return count;
    }

    /// <summary>Removes up to <paramref name="width"/> leading spaces, keeping any deeper indentation.</summary>
    public static string Dedent(string line, int width) => line[Math.Min(width, Indentation(line))..];
}
