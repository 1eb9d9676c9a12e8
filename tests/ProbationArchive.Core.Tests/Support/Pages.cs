namespace ProbationArchive.Core.Tests.Support;

/// <summary>Small saved pages for import tests, in the shapes of FORMAT.md.</summary>
public static class Pages
{
    public static string Post(string date, string title, string body, params string[] comments) =>
        $"{date}\n\n{title}\n\n{body}\n\n{comments.Length} comment{(comments.Length == 1 ? "" : "s")}:\n\n"
        + string.Concat(comments.Select((c, i) => $"  {i + 1}. {c}\n\n    ReplyDelete\n"));

    public static string LabelPage(string label, params (string Date, string Title, string Body)[] posts) =>
        $"Showing posts with label {label}. Show all posts\n\n"
        + string.Join("\n", posts.Select(p => $"{p.Date}\n\n{p.Title}\n\n{p.Body}\n"));
}
