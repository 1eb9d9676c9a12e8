namespace ProbationArchive.Web.Reading;

/// <summary>A thread as the outline lists it: its top-level comment's number and first words, its reply count, and where it is.</summary>
public sealed record OutlineEntry(string Number, string FirstWords, int Replies, string Href);
