namespace ProbationArchive.CorpusGenerator;

/// <summary>One file to write: a post's own page, or one page of a label's posts.</summary>
public sealed record PageSpec(int PostIndex, int Label, IReadOnlyList<int> LabelPosts)
{
    public static PageSpec Own(PlannedPost post)
    {
        ArgumentNullException.ThrowIfNull(post);
        return new(post.Index, -1, []);
    }

    public static PageSpec ForLabel(int label, IReadOnlyList<int> posts) => new(-1, label, posts);

    public bool IsLabelPage => Label >= 0;
}
