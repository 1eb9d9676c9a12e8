namespace ProbationArchive.CorpusGenerator;

/// <summary>
/// Shares the corpus's comments between the posts that have their own page, exactly: a long
/// tail (log-normal), a tenth of dated posts with none, at least one on every flattened page
/// (it has no other marker of where its body ends), and two named heavy threads.
/// </summary>
internal static class CommentCounts
{
    public static void Assign(List<PlannedPost> posts, CorpusOptions options, Random random, int cap)
    {
        posts[0].CommentCount = options.EffectiveBigPostComments;
        posts[1].CommentCount = options.EffectivePopularPostComments;
        var others = posts.Skip(2).Where(p => p.Shape != PostShape.LabelOnly).ToList();
        var remaining = options.Comments - posts[0].CommentCount - posts[1].CommentCount;
        foreach (var post in others.Where(p => p.Shape == PostShape.FlattenedPost))
        {
            post.CommentCount = 1;
            remaining--;
        }

        var weights = others.Select(p => p.Shape == PostShape.SinglePost && random.NextDouble() < 0.1 ? 0 : LogNormal(random)).ToArray();
        var total = weights.Sum();
        var share = remaining;
        for (var i = 0; i < others.Count && total > 0; i++)
        {
            var count = Math.Min(cap, (int)(share * weights[i] / total));
            others[i].CommentCount += count;
            remaining -= count;
        }

        // Rounding and the cap leave a few over: one more each, in a random order, below the cap first.
        var order = Enumerable.Range(0, others.Count).ToArray();
        random.Shuffle(order);
        for (var capped = cap; remaining > 0 && others.Count > 0; capped = int.MaxValue)
        {
            foreach (var i in order)
            {
                if (remaining == 0)
                {
                    break;
                }

                if (others[i].CommentCount < capped)
                {
                    others[i].CommentCount++;
                    remaining--;
                }
            }
        }

        if (remaining != 0)
        {
            throw new InvalidOperationException($"cannot place {options.Comments} comments on {posts.Count} posts");
        }
    }

    private static double LogNormal(Random random)
    {
        // Box-Muller: one standard normal draw.
        var u1 = 1.0 - random.NextDouble();
        var u2 = random.NextDouble();
        return Math.Exp(Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2));
    }
}
