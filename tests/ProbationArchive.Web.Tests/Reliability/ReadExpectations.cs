namespace ProbationArchive.Web.Tests.Reliability;

/// <summary>
/// What readers may see while an import runs: a post's thread as one of <paramref name="Versions"/>
/// wrote it, whole; and, before the first import has reached a post, no post at all (404).
/// </summary>
internal sealed record ReadExpectations(ReadingCorpus Corpus, IReadOnlyList<int> Versions, bool PostsMayBeMissing)
{
    public int NewestVersion => Versions.Max();

    /// <summary>The versions whose thread for <paramref name="post"/> has exactly <paramref name="count"/> comments.</summary>
    public IEnumerable<int> VersionsWithCount(int post, int count) => Versions.Where(v => ReadingCorpus.Comments(post, v) == count);
}
