using System.Globalization;

namespace ProbationArchive.Web.Reading;

/// <summary>Dates as the blog wrote them ("Thursday 1 November 2018") and as machines read them.</summary>
public static class ArchiveDates
{
    public static string Written(DateOnly date) => date.ToString("dddd d MMMM yyyy", CultureInfo.InvariantCulture);

    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A moment as the export wrote it, in its own offset: the same text whatever this machine's time zone.</summary>
    public static string Written(DateTimeOffset at) => at.ToString("d MMMM yyyy, HH:mm", CultureInfo.InvariantCulture);

    public static string Iso(DateTimeOffset at) => at.ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture);

    public static string MonthName(int month) => CultureInfo.InvariantCulture.DateTimeFormat.GetMonthName(month);
}
