namespace ProbationArchive.CorpusGenerator;

/// <summary>Everything that decides the corpus's pages, small enough to keep in memory at any size.</summary>
public sealed record CorpusPlan(IReadOnlyList<PlannedPost> Posts, IReadOnlyList<string> Labels, IReadOnlyList<PageSpec> Pages);
