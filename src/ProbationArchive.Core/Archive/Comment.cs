namespace ProbationArchive.Core.Archive;

/// <summary>A comment on a post; replies point at their parent, so threads of any depth fit.</summary>
public sealed class Comment
{
    public int Id { get; set; }

    public int PostId { get; set; }

    public Post Post { get; set; } = null!;

    public int? ParentId { get; set; }

    public Comment? Parent { get; set; }

    public List<Comment> Replies { get; } = [];

    /// <summary>Order on the page: 0 for the first comment, counting replies where they stand (pre-order).</summary>
    public int Position { get; set; }

    /// <summary>Numbering on the page: "3" for the third top-level comment, "3.2" for its second reply.</summary>
    public required string ThreadPath { get; set; }

    public required string Text { get; set; }

    /// <summary>The line of the source page the comment starts on.</summary>
    public int SourceLine { get; set; }

    /// <summary>Blogger's id, "{blog id}.{comment number}", when an export named the comment.</summary>
    public string? BloggerId { get; set; }

    /// <summary>The name the commenter gave ("Anonymous" included), from an export; saved pages do not show it.</summary>
    public string? AuthorName { get; set; }

    /// <summary>The commenter's profile address, from an export.</summary>
    public string? AuthorUri { get; set; }

    /// <summary>When the comment was published, with its offset, from an export.</summary>
    public DateTimeOffset? PublishedAt { get; set; }

    public TextFormat TextFormat { get; set; }

    /// <summary>HTML text without markup, for search and excerpts; null for plain text.</summary>
    public string? SearchText { get; set; }
}
