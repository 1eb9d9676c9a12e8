namespace ProbationArchive.Core.Archive;

/// <summary>Which source file a post was read from, and where in it.</summary>
public sealed class PostSource
{
    public int PostId { get; set; }

    public Post Post { get; set; } = null!;

    public int SourceFileId { get; set; }

    public SourceFile SourceFile { get; set; } = null!;

    /// <summary>0 for the file's first post; label pages hold several.</summary>
    public int PositionInFile { get; set; }

    public int Line { get; set; }
}
