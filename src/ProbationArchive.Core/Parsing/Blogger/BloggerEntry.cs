namespace ProbationArchive.Core.Parsing.Blogger;

public enum BloggerEntryKind
{
    Post,
    Page,
    Comment,
}

/// <summary>An entry's Blogger id: the blog's number and the entry's. A page's comments name it "post-N" where it is "page-N", so the kind is not part of it.</summary>
public readonly record struct BloggerId(string Blog, string Number)
{
    public override string ToString() => $"{Blog}.{Number}";
}

/// <summary>One post, page or comment of an export as written, its HTML not yet sanitised.</summary>
/// <param name="Line">The line of the export its &lt;entry&gt; starts on.</param>
/// <param name="Address">The path of its own address ("/2010/10/slug.html", "/p/about.html"), if it has one.</param>
/// <param name="Post">For a comment, the post or page it is on.</param>
/// <param name="ParentComment">For a reply, the comment it answers.</param>
public sealed record BloggerEntry(
    int Line,
    BloggerEntryKind Kind,
    BloggerId Id,
    string Title,
    string Html,
    DateTimeOffset? Published,
    string? AuthorName,
    string? AuthorUri,
    bool IsDraft,
    string? Address,
    IReadOnlyList<string> Labels,
    BloggerId? Post,
    BloggerId? ParentComment);
