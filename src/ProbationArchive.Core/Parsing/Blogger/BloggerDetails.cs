using ProbationArchive.Core.Archive;

namespace ProbationArchive.Core.Parsing.Blogger;

/// <summary>What an export says of a post or page that a saved page cannot.</summary>
/// <param name="Address">The post's own address below the site root, "2010/10/slug" or "p/about", when the export gives one.</param>
/// <param name="SearchText">The body's text without markup.</param>
/// <param name="Images">Every image address the body named, for the inventory of what is not archived.</param>
public sealed record BloggerPostDetails(
    string Id,
    PostKind Kind,
    bool IsDraft,
    DateTimeOffset? PublishedAt,
    string? Address,
    IReadOnlyList<string> Labels,
    string? AuthorName,
    string? AuthorUri,
    string SearchText,
    IReadOnlyList<string> Images);

/// <summary>What an export says of a comment that a saved page cannot.</summary>
public sealed record BloggerCommentDetails(string Id, string? AuthorName, string? AuthorUri, DateTimeOffset? PublishedAt, string SearchText);
