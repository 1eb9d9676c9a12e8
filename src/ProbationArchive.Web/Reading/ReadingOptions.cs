namespace ProbationArchive.Web.Reading;

/// <summary>Settings for the reading pages, from the "Archive" configuration section.</summary>
public sealed class ReadingOptions
{
    public const string SectionName = "Archive";

    public const int MaxPageSize = 100;

    /// <summary>Posts per page on the home, label and date archive pages.</summary>
    public int PageSize { get; set; } = 10;
}
