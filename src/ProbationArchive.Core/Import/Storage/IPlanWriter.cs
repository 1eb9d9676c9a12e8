using ProbationArchive.Core.Import.Planning;
using ProbationArchive.Core.Parsing;
using ProbationArchive.Core.Search;

namespace ProbationArchive.Core.Import.Storage;

/// <summary>
/// Applies plans as they stand, in the run's open transaction: one implementation per provider,
/// neither deciding anything (which rows are new, changed or gone is the plan's).
/// </summary>
internal interface IPlanWriter : IDisposable
{
    /// <summary>A saved page: its file, its posts, and the posts it no longer holds.</summary>
    /// <param name="added">When not null, receives the search entries of every post and comment inserted.</param>
    /// <returns>The source file's id.</returns>
    int Write(PagePlan plan, List<SearchEntryRow>? added);

    /// <summary>The file's record, with its warnings in place of those of its last import.</summary>
    int WriteFile(SourceFileRow file, IReadOnlyList<Diagnostic> warnings);

    /// <returns>The ids of the posts written.</returns>
    List<int> WritePosts(int fileId, PostsPlan plan, List<SearchEntryRow>? added);

    void WriteRemovals(int fileId, IReadOnlyList<LinkRemoval> removals);
}
