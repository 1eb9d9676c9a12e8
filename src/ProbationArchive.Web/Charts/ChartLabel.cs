namespace ProbationArchive.Web.Charts;

/// <summary>A label on the time axis, centred on <see cref="X"/>.</summary>
public sealed record ChartLabel(string X, string Y, string Text);
