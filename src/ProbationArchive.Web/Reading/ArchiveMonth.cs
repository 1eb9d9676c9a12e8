namespace ProbationArchive.Web.Reading;

/// <summary>A month in the archive tree.</summary>
public sealed record ArchiveMonth(int Year, int Month, int Posts)
{
    public string Name => ArchiveDates.MonthName(Month);
}
