namespace ProbationArchive.Web.Tests.Support;

/// <summary>Facts about the built-in corpus (FORMAT.md) that the page tests rely on.</summary>
public static class Seeds
{
    public const string Napo179 = "/2018/11/latest-from-napo-179";
    public const string Undated = "/undated/here-we-have-highlights-from-the-latest-napo-mailout-to";

    /// <summary>Seed 002: a press release hard-wrapped at about 85 characters.</summary>
    public const string NapoOnTheCase = "/2015/02/napo-on-the-case";

    /// <summary>Seed 004's first post, known only from the PO label page.</summary>
    public const string ReportHighlights = "/2023/01/report-highlights-structural-failings";

    /// <summary>The six posts of the PO label page, newest first.</summary>
    public static readonly string[] PoTitlesNewestFirst =
    [
        "Report Highlights Structural Failings",
        "Reviews",
        "Probation as a Job",
        "Napo at Work in the South West 17",
        "A Desperate Plea",
        "Pick of the Week 9",
    ];
}
