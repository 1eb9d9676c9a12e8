namespace ProbationArchive.Web.Charts;

/// <summary>One bar: the month and figure it stands for, and its place in the SVG's coordinates.</summary>
public sealed record ChartBar(MonthActivity Month, int Value, string X, string Y, string Width, string Height);
