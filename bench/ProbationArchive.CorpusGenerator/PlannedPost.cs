namespace ProbationArchive.CorpusGenerator;

/// <summary>
/// One post of the corpus, before any text is written. Bodies are indices into the seed
/// paragraphs; comments are drawn when the page is written, from <see cref="CommentSeed"/>.
/// </summary>
public sealed class PlannedPost
{
    public required int Index { get; init; }

    public required PostShape Shape { get; init; }

    /// <summary>Null for flattened posts, which carry no date.</summary>
    public required DateOnly? Date { get; init; }

    /// <summary>The title line; for a flattened post, the body's first line (the parser derives the title from it).</summary>
    public required string Title { get; init; }

    public required string Permalink { get; init; }

    public required int[] BodyParagraphs { get; init; }

    public required int CommentSeed { get; init; }

    public int CommentCount { get; set; }

    public List<int> Labels { get; } = [];
}
