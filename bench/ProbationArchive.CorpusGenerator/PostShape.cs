namespace ProbationArchive.CorpusGenerator;

public enum PostShape
{
    /// <summary>Its own page with a date, a title, "N comments:" and indented threads.</summary>
    SinglePost,

    /// <summary>Its own page, undated, comments flattened into ReplyDelete/Delete markers.</summary>
    FlattenedPost,

    /// <summary>No page of its own: seen only on label pages, so it has no comments.</summary>
    LabelOnly,
}
