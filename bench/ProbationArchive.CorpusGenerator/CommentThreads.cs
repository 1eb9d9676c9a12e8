namespace ProbationArchive.CorpusGenerator;

/// <summary>
/// Draws a post's comment threads from seed comment paragraphs. Blogger threads are two levels
/// deep; about a third of top-level comments get one to five replies, which gives roughly as
/// many replies as top-level comments, as in the seeds.
/// </summary>
public static class CommentThreads
{
    public static IReadOnlyList<GeneratedComment> For(PlannedPost post, SeedMaterial material)
    {
        ArgumentNullException.ThrowIfNull(post);
        ArgumentNullException.ThrowIfNull(material);
        var random = new Random(post.CommentSeed);
        var threads = new List<GeneratedComment>();
        var remaining = post.CommentCount;
        while (remaining > 0)
        {
            var text = Text(random, material);
            remaining--;
            var replies = remaining > 0 && random.NextDouble() < 0.35 ? random.Next(1, Math.Min(5, remaining) + 1) : 0;
            remaining -= replies;
            threads.Add(new GeneratedComment(text, [.. Enumerable.Range(0, replies).Select(_ => new GeneratedComment(Text(random, material), []))]));
        }

        return threads;
    }

    public static int Count(IReadOnlyList<GeneratedComment> threads)
    {
        ArgumentNullException.ThrowIfNull(threads);
        return threads.Sum(t => 1 + Count(t.Replies));
    }

    /// <summary>One paragraph usually, sometimes two or three.</summary>
    private static string[] Text(Random random, SeedMaterial material)
    {
        var roll = random.NextDouble();
        var paragraphs = roll < 0.6 ? 1 : roll < 0.9 ? 2 : 3;
        var lines = new List<string>();
        for (var i = 0; i < paragraphs; i++)
        {
            if (i > 0)
            {
                lines.Add("");
            }

            lines.AddRange(material.CommentParagraphs[random.Next(material.CommentParagraphs.Count)]);
        }

        return [.. lines];
    }
}
