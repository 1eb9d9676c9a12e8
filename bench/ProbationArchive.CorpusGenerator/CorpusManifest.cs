namespace ProbationArchive.CorpusGenerator;

/// <summary>What a generated corpus holds: the figures an import must reproduce, and the pages the HTTP benchmark visits.</summary>
public sealed record CorpusManifest
{
    public const string FileName = "manifest.json";

    public required CorpusOptions Options { get; init; }

    public required string Name { get; init; }

    public int Files { get; init; }

    public int PostPages { get; init; }

    public int FlattenedPages { get; init; }

    public int LabelPages { get; init; }

    public long Bytes { get; init; }

    /// <summary>Distinct posts: each post's own page and label pages merge into one.</summary>
    public int Posts { get; init; }

    public int UndatedPosts { get; init; }

    public int LabelOnlyPosts { get; init; }

    public int Comments { get; init; }

    public int TopLevelComments { get; init; }

    public int Replies { get; init; }

    public int Labels { get; init; }

    /// <summary>(post, label) pairs.</summary>
    public int PostLabels { get; init; }

    /// <summary>(post, file) pairs: every place a post was seen.</summary>
    public int PostSources { get; init; }

    public required Showcase BigPost { get; init; }

    public required Showcase PopularPost { get; init; }

    public required Showcase BusiestLabel { get; init; }

    /// <summary>A page worth benchmarking: its address below the site root and its size.</summary>
    public sealed record Showcase(string Path, int Count);
}
