namespace ProbationArchive.Core.Archive;

/// <summary>How a post's body or a comment's text is stored.</summary>
public enum TextFormat
{
    /// <summary>Plain text as a saved page shows it, rendered with the archive's own rules.</summary>
    Text,

    /// <summary>HTML from a Blogger export, sanitised when it was imported; shown as stored.</summary>
    Html,
}
