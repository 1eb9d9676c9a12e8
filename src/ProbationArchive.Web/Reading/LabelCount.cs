namespace ProbationArchive.Web.Reading;

/// <summary>A label and how many posts carry it.</summary>
public sealed record LabelCount(string Name, int Posts);
