using System.Globalization;
using ProbationArchive.Web.Reading;

namespace ProbationArchive.Web.Charts;

/// <summary>A month's posts, and the comments on them (the saved pages give comments no date of their own).</summary>
public sealed record MonthActivity(int Year, int Month, int Posts, int Comments)
{
    public string Name => string.Create(CultureInfo.InvariantCulture, $"{ArchiveDates.MonthName(Month)} {Year}");

    /// <summary>"2018-11", for data attributes and tests.</summary>
    public string Key => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-{Month:D2}");
}
