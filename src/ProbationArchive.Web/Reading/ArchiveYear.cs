namespace ProbationArchive.Web.Reading;

/// <summary>A year in the archive tree, newest month first.</summary>
public sealed record ArchiveYear(int Year, int Posts, IReadOnlyList<ArchiveMonth> Months);
