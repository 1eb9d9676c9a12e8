using System.Globalization;
using System.Text;

namespace ProbationArchive.Web.Tests.Hostile;

/// <summary>
/// Saved pages in the three shapes the importer reads, every field hostile: a post page per vector
/// (the vector is its title, opens its body and its first comment, the next ones follow), one post
/// holding every vector at once, a flattened page, and label pages whose labels are vectors too.
/// </summary>
internal static class HostilePages
{
    public const string OmnibusTitle = "Every vector at once";

    /// <summary>The flattened page has no title: the importer derives it from this first line.</summary>
    public const string FlattenedOpening = "<img src=x onerror=alert('derived')> opens a page with no date and no title";

    public static readonly string[] LabelNames =
    [
        "<script>alert('label')</script>",
        "\"><img src=x onerror=alert('label')>",
        "javascript:alert('label')",
        "' onmouseover='alert(1)' x='",
    ];

    public const int PostsPerLabelPage = 5;

    private static readonly DateOnly FirstPost = new(2005, 1, 1);
    private static readonly DateOnly FirstLabelPost = new(2009, 1, 1);
    private static readonly DateOnly OmnibusDate = new(2010, 6, 1);

    public static DateOnly PostDate(int vector) => FirstPost.AddDays(vector * 4);

    /// <summary>The vectors a post page's comments hold: top-level, its reply, top-level.</summary>
    public static string[] Comments(IReadOnlyList<string> vectors, int vector) =>
        [vectors[vector], vectors[(vector + 1) % vectors.Count], vectors[(vector + 2) % vectors.Count]];

    public static string[] Body(IReadOnlyList<string> vectors, int vector) =>
        [vectors[vector], vectors[(vector + 1) % vectors.Count]];

    /// <summary>The vectors that title the posts of label page <paramref name="label"/>.</summary>
    public static IEnumerable<string> LabelPostTitles(IReadOnlyList<string> vectors, int label) =>
        Enumerable.Range(label * PostsPerLabelPage, PostsPerLabelPage).Select(i => vectors[vectors.Count - 1 - i]);

    public static void Write(string folder, IReadOnlyList<string> vectors)
    {
        ArgumentNullException.ThrowIfNull(vectors);
        Directory.CreateDirectory(folder);
        for (var i = 0; i < vectors.Count; i++)
        {
            Save(folder, $"post-{i:D3}.txt", PostPage(PostDate(i), vectors[i], Body(vectors, i), Comments(vectors, i)));
        }

        Save(folder, "omnibus.txt", Omnibus(vectors));
        Save(folder, "flattened.txt", Flattened(vectors));
        for (var label = 0; label < LabelNames.Length; label++)
        {
            Save(folder, $"label-{label}.txt", LabelPage(vectors, label));
        }
    }

    /// <summary>Threaded shape: the comments are a top-level comment with one reply, then another top-level comment.</summary>
    private static string PostPage(DateOnly date, string title, string[] body, string[] comments)
    {
        var page = new StringBuilder();
        page.Append(CultureInfo.InvariantCulture, $"{DateLine(date)}\n\n{title}\n\n");
        foreach (var line in body)
        {
            page.Append(line).Append("\n\n");
        }

        page.Append("3 comments:\n\n");
        page.Append(CultureInfo.InvariantCulture, $"  1. {comments[0]}\n\n    ReplyDelete\n    Replies\n");
        page.Append(CultureInfo.InvariantCulture, $"    1. {comments[1]}\n\n      Delete\n");
        page.Append(CultureInfo.InvariantCulture, $"  2. {comments[2]}\n\n    ReplyDelete\n");
        return page.ToString();
    }

    /// <summary>Every vector in one body, as paragraphs and then as one run of lines, and each as a comment.</summary>
    private static string Omnibus(IReadOnlyList<string> vectors)
    {
        var page = new StringBuilder();
        page.Append(CultureInfo.InvariantCulture, $"{DateLine(OmnibusDate)}\n\n{OmnibusTitle}\n\n");
        foreach (var vector in vectors)
        {
            page.Append(vector).Append("\n\n");
        }

        page.AppendJoin('\n', vectors).Append("\n\n");
        page.Append(CultureInfo.InvariantCulture, $"{vectors.Count} comments:\n\n");
        for (var i = 0; i < vectors.Count; i++)
        {
            page.Append(CultureInfo.InvariantCulture, $"  {i + 1}. {vectors[i]}\n\n    ReplyDelete\n");
        }

        return page.ToString();
    }

    /// <summary>
    /// Flattened shape: no date, title or count; each comment ends where the next line starts with
    /// "ReplyDelete" (it was top-level) or "Delete" (a reply). The first comment is the last line
    /// before the first marker (docs/import.md).
    /// </summary>
    private static string Flattened(IReadOnlyList<string> vectors)
    {
        var page = new StringBuilder(FlattenedOpening).Append("\n\n");
        foreach (var vector in vectors.Take(10))
        {
            page.Append(vector).Append("\n\n");
        }

        page.Append(vectors[0]).Append('\n');
        for (var i = 1; i <= vectors.Count; i++)
        {
            page.Append(i % 2 == 1 ? "ReplyDelete" : "Delete").Append(i < vectors.Count ? vectors[i] : "").Append('\n');
        }

        return page.ToString();
    }

    private static string LabelPage(IReadOnlyList<string> vectors, int label)
    {
        var page = new StringBuilder();
        page.Append(CultureInfo.InvariantCulture, $"Showing posts with label {LabelNames[label]}. Show all posts\n\n");
        var n = 0;
        foreach (var title in LabelPostTitles(vectors, label))
        {
            var date = FirstLabelPost.AddDays((label * PostsPerLabelPage) + n++);
            page.Append(CultureInfo.InvariantCulture, $"{DateLine(date)}\n\n{title}\n\n{vectors[n]}\n\nAn excerpt on a label page.\n\n");
        }

        return page.ToString();
    }

    private static void Save(string folder, string name, string text) => File.WriteAllText(Path.Combine(folder, name), text);

    private static string DateLine(DateOnly date) => date.ToString("dddd, d MMMM yyyy", CultureInfo.InvariantCulture);
}
