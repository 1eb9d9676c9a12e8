namespace ProbationArchive.Core.Archive;

/// <summary>A blog post, merged from every page it was seen on.</summary>
public sealed class Post
{
    public int Id { get; set; }

    /// <summary>What makes two pages the same post (docs/import.md): date and title, or the body's first line when undated.</summary>
    public required string IdentityKey { get; set; }

    public required string Title { get; set; }

    /// <summary>True when the page had no title and <see cref="Title"/> was made from the body.</summary>
    public bool TitleIsDerived { get; set; }

    /// <summary>The post's date; null when no page stated one.</summary>
    public DateOnly? PublishedOn { get; set; }

    public required string Slug { get; set; }

    /// <summary>The address below the site root, Blogger's scheme: "2018/11/latest-from-napo-179", or "undated/{slug}".</summary>
    public required string Permalink { get; set; }

    /// <summary>The body as source text (plain text with Markdown-like lists), rendered at display time.</summary>
    public required string Body { get; set; }

    /// <summary>The "N comments:" figure on the page the comments came from, if it stated one.</summary>
    public int? DeclaredCommentCount { get; set; }

    public PostKind Kind { get; set; }

    /// <summary>A draft from a Blogger export: stored, shown nowhere.</summary>
    public bool IsDraft { get; set; }

    /// <summary>Blogger's id, "{blog id}.{post number}", when an export named the post.</summary>
    public string? BloggerId { get; set; }

    /// <summary>The export's publication time, with the offset it was written with.</summary>
    public DateTimeOffset? PublishedAt { get; set; }

    public TextFormat BodyFormat { get; set; }

    /// <summary>An HTML body's text without markup, for search and excerpts; null for a plain-text body.</summary>
    public string? SearchText { get; set; }

    public string? AuthorName { get; set; }

    public string? AuthorUri { get; set; }

    public List<Comment> Comments { get; } = [];

    public List<Label> Labels { get; } = [];

    public List<PostSource> Sources { get; } = [];
}
