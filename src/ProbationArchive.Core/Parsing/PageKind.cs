namespace ProbationArchive.Core.Parsing;

public enum PageKind
{
    /// <summary>Nothing could be read: the page has errors.</summary>
    Unknown,

    /// <summary>One post with an "N comments:" line and indented, numbered threads.</summary>
    SinglePost,

    /// <summary>One post whose comment markup was flattened into ReplyDelete/Delete markers.</summary>
    FlattenedPost,

    /// <summary>"Showing posts with label X": many posts, no comments.</summary>
    LabelPage,

    /// <summary>Blogger's own export (the classic "Export blog" file or Takeout's feed.atom): posts, pages, comments.</summary>
    BloggerExport,
}
