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

    public List<Comment> Comments { get; } = [];

    public List<Label> Labels { get; } = [];

    public List<PostSource> Sources { get; } = [];
}
