namespace ProbationArchive.Core.Search;

/// <summary>A word or a "quoted phrase" the reader looks for, as typed (letters and digits only); the last word a prefix when it ended in *.</summary>
public sealed record SearchPhrase(IReadOnlyList<string> Words, bool LastIsPrefix);
