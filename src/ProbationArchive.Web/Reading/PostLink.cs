namespace ProbationArchive.Web.Reading;

/// <summary>A link to a post: its title and address.</summary>
public sealed record PostLink(string Title, string Permalink);
