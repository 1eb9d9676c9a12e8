using System.Globalization;

namespace ProbationArchive.Web.Reading;

/// <summary>Dates as the blog wrote them ("Thursday 1 November 2018") and as machines read them.</summary>
public static class ArchiveDates
{
    public static string Written(DateOnly date) => date.ToString("dddd d MMMM yyyy", CultureInfo.InvariantCulture);

    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string MonthName(int month) => CultureInfo.InvariantCulture.DateTimeFormat.GetMonthName(month);
}
