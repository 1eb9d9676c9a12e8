namespace ProbationArchive.Web.Reading;

/// <summary>Links to the newer and older pages of a list of posts; null where there is none.</summary>
public sealed record Pager(string? NewerUrl, string? OlderUrl);
