namespace ProbationArchive.CorpusGenerator;

/// <summary>A comment's lines ("" between paragraphs) and its replies.</summary>
public sealed record GeneratedComment(IReadOnlyList<string> Lines, IReadOnlyList<GeneratedComment> Replies);
