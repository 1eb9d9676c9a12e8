using System.Text;

namespace ProbationArchive.Core.Tests.Import;

/// <summary>The bad-input suite: each case writes its files into a fresh folder and returns the paths to import.</summary>
public static class BadInputCases
{
    private const string Good = "Monday, 3 June 2019\n\nA Fine Post\n\nA body.\n\n1 comment:\n\n  1. A comment.\n\n    ReplyDelete\n";

    public static IEnumerable<BadInputCase> All =>
    [
        Refused("empty file", ""),
        Refused("only blank lines", "\n  \n\t\n", "empty"),
        RefusedBytes("NUL bytes", [0x48, 0x69, 0x00, 0x0A], "binary"),
        RefusedBytes("PNG image", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D], "binary", 3),
        RefusedBytes("UTF-16 text", Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes("Monday, 3 June 2019")).ToArray(), "binary"),
        RefusedBytes("Latin-1 byte on line 3", Encoding.ASCII.GetBytes("Monday, 3 June 2019\n\nCaf").Append((byte)0xE9).ToArray(), "invalid-utf8", 3),
        RefusedBytes("UTF-8 sequence cut at the end", Encoding.UTF8.GetBytes(Good + "\u2019").SkipLast(1).ToArray(), "invalid-utf8", 12),
        Refused("control characters", "Monday, 3 June 2019\n\n" + new string('\u0007', 20), "binary", 3),
        Refused("not a blog page", "# Notes\n- eggs\n- milk\n", "not-a-blog-page"),
        Refused("impossible date 31 February", "Monday, 31 February 2019\n\nTitle\n\nBody.\n", "impossible-date"),
        Refused("29 February in a common year", "Friday, 29 February 2019\n\nTitle\n\nBody.\n", "impossible-date"),
        Refused("date line without a title", "Monday, 3 June 2019\n\n\n", "no-title"),
        Refused("label page with no posts", "Showing posts with label PO. Show all posts\n\nNo posts here.\n", "no-posts", 3),
        Refused("label header alone", "Showing posts with label PO. Show all posts\n", "no-posts"),
        Refused("flattened marker on the first line", "ReplyDeleteA comment\nDelete\n", "marker-out-of-place"),
        Refused("comment count and nothing else", "14 comments:\n", "no-content"),
        Refused("impossible date on a label page", "Showing posts with label PO. Show all posts\n\nMonday, 31 June 2019\n\nTitle\n\nBody.\n", "impossible-date", 3),
        new("50 MB file", folder => [WriteLarge(folder, 50 * 1024 * 1024)], "too-large"),
        new("path that does not exist", folder => [Path.Combine(folder, "missing.txt")], "not-found"),
        new("broken symbolic link", folder => Link(folder, "dangling.txt", Path.Combine(folder, "nowhere.txt")), "broken-link"),
        new("broken link inside a folder", folder => { Link(folder, "dangling.txt", Path.Combine(folder, "nowhere.txt")); return [folder]; }, "broken-link"),
        new("unreadable file", folder => [Unreadable(folder)], "unreadable"),
        Warned("declared count disagrees", Good.Replace("1 comment:", "5 comments:", StringComparison.Ordinal), "count-mismatch"),
        Warned("thread truncated mid-comment", Good[..Good.IndexOf("    ReplyDelete", StringComparison.Ordinal)], "missing-end-marker"),
        Warned("markers out of order", Good + "      Delete\n    ReplyDelete\n", "marker-out-of-place", "marker-out-of-place"),
        Warned("reply without its Delete", Good.Replace("    ReplyDelete\n", "    ReplyDelete\n    Replies\n    1. cut\n    2. next\n      Delete\n", StringComparison.Ordinal).Replace("1 comment:", "3 comments:", StringComparison.Ordinal), "missing-end-marker"),
        Warned("weekday that does not fit the date", Good.Replace("Monday", "Sunday", StringComparison.Ordinal), "weekday-mismatch"),
        Warned("label header repeated with another label", "Showing posts with label PO. Show all posts\nShowing posts with label PSO. Show all posts\n\nMonday, 3 June 2019\n\nTitle\n\nBody.\n", "label-mismatch"),
        Warned("text before a label page's first post", "Showing posts with label PO. Show all posts\n\nStray words.\n\nMonday, 3 June 2019\n\nTitle\n\nBody.\n", "text-outside-post"),
        Warned("flattened reply with no top-level comment", "Body line.\nA reply first.\nDeleteThen a top-level.\nReplyDelete\n", "reply-without-parent"),
        Warned("flattened page cut before its last marker", "Body line.\nFirst comment.\nReplyDeleteSecond, never closed.\n", "missing-end-marker"),
        Warned("mixed line endings", Good.Replace("\n\nA Fine Post\n", "\r\n\r\nA Fine Post\r", StringComparison.Ordinal)),
        Warned("2,000-character line", Good.Replace("A body.", new string('x', 2000), StringComparison.Ordinal)),
        Warned("byte-order mark", "\uFEFF" + Good),
        Warned("script and HTML kept as text", Good.Replace("A comment.", "<script>alert(1)</script><img src=x onerror=alert(2)>", StringComparison.Ordinal)),
        new("same file twice", folder => { var path = Write(folder, "twice.txt", Good); return [path, path]; }),
        new("nested folders", folder => { Write(Path.Combine(folder, "a", "b", "c"), "deep.txt", Good); return [folder]; }),
        new("symbolic-link loop", folder => { Write(folder, "page.txt", Good); Link(folder, "loop", folder); return [folder]; }),
    ];

    private static BadInputCase Refused(string name, string text, string? code = null, int line = 1) =>
        new(name, folder => [Write(folder, "page.txt", text)], code ?? "empty", line);

    private static BadInputCase RefusedBytes(string name, byte[] bytes, string code, int line = 1) =>
        new(name, folder => [WriteBytes(folder, "page.txt", bytes)], code, line);

    private static BadInputCase Warned(string name, string text, params string[] warnings) =>
        new(name, folder => [Write(folder, "page.txt", text)], WarningCodes: warnings);

    private static string Write(string folder, string name, string text) =>
        WriteBytes(folder, name, new UTF8Encoding(false).GetBytes(text));

    private static string WriteBytes(string folder, string name, byte[] bytes)
    {
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private static string WriteLarge(string folder, long size)
    {
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, "large.txt");
        using var stream = File.Create(path);
        stream.Write(Encoding.UTF8.GetBytes(Good));
        stream.SetLength(size);
        return path;
    }

    private static string[] Link(string folder, string name, string target)
    {
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, name);
        if (Directory.Exists(target))
        {
            Directory.CreateSymbolicLink(path, target);
        }
        else
        {
            File.CreateSymbolicLink(path, target);
        }

        return [path];
    }

    /// <summary>chmod 000 where that binds; as root (which reads anything) a file the kernel refuses to read.</summary>
    private static string Unreadable(string folder)
    {
        var path = Write(folder, "locked.txt", Good);
        if (OperatingSystem.IsWindows())
        {
            return path;
        }

        File.SetUnixFileMode(path, UnixFileMode.None);
        if (Environment.UserName != "root")
        {
            return path;
        }

        File.Delete(path);
        return Link(folder, "locked.txt", "/proc/self/mem")[0];
    }
}
