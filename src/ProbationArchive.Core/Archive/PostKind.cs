namespace ProbationArchive.Core.Archive;

public enum PostKind
{
    /// <summary>A blog post: in lists, feeds and the date archive.</summary>
    Post,

    /// <summary>A Blogger page ("/p/about.html"): at its own address with its comments, never listed.</summary>
    Page,
}
