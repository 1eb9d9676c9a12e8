namespace ProbationArchive.Web.Reading;

/// <summary>What the sidebar shows on every page: posts per year and month, and the labels.</summary>
public sealed record ArchiveTree(IReadOnlyList<ArchiveYear> Years, int UndatedPosts, IReadOnlyList<LabelCount> Labels, int? OpenYear);
