using ProbationArchive.Core.Import;

namespace ProbationArchive.CorpusGenerator;

/// <summary>
/// Decides the corpus from the options and the seed number alone: which posts exist, their
/// shapes, dates, unique titles, bodies, labels and comment counts, and the order of the pages.
/// </summary>
public static class CorpusPlanner
{
    private const int FirstYear = 2008;
    private const int LastYear = 2024;
    private const int MaxOrdinaryComments = 1_000;

    public static CorpusPlan Plan(CorpusOptions options, SeedMaterial material)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(material);
        var random = new Random(options.Seed);
        var titles = new TitleMaker(material.Headings);
        var posts = new List<PlannedPost>(options.Posts);
        var firstDay = new DateOnly(FirstYear, 1, 1);
        var days = new DateOnly(LastYear, 12, 31).DayNumber - firstDay.DayNumber + 1;
        for (var index = 0; index < options.Posts; index++)
        {
            var shape = ShapeOf(index, random, options);
            DateOnly? date = shape == PostShape.FlattenedPost ? null : firstDay.AddDays(random.Next(days));
            var (title, permalink) = titles.Next(date, random);
            posts.Add(new PlannedPost
            {
                Index = index,
                Shape = shape,
                Date = date,
                Title = title,
                Permalink = permalink,
                BodyParagraphs = [.. Enumerable.Range(0, random.Next(2, 7)).Select(_ => random.Next(material.BodyParagraphs.Count))],
                CommentSeed = random.Next(),
            });
        }

        CommentCounts.Assign(posts, options, random, MaxOrdinaryComments);
        var labels = LabelNames(material, options.Labels, random);
        AssignLabels(posts, labels.Count, random);
        return new CorpusPlan(posts, labels, Pages(posts, labels.Count, options.PostsPerLabelPage, random));
    }

    /// <summary>Post 0 carries the most comments and post 1 a popular thread; both have their own dated page.</summary>
    private static PostShape ShapeOf(int index, Random random, CorpusOptions options)
    {
        var flattenedAllowed = options.Comments >= options.Posts;
        var roll = random.NextDouble();
        return index switch
        {
            0 or 1 => PostShape.SinglePost,
            2 when flattenedAllowed => PostShape.FlattenedPost,
            3 => PostShape.LabelOnly,
            _ when roll < 0.04 => PostShape.LabelOnly,
            _ when roll < 0.12 && flattenedAllowed => PostShape.FlattenedPost,
            _ => PostShape.SinglePost,
        };
    }

    private static List<string> LabelNames(SeedMaterial material, int count, Random random)
    {
        var words = material.LabelWords.ToArray();
        random.Shuffle(words);
        var names = new List<string>(count);
        var taken = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; names.Count < count; i++)
        {
            // Past the single words, pairs of them: "Napo Cymru".
            var name = i < words.Length ? words[i] : $"{words[i % words.Length]} {words[(i / words.Length) % words.Length]}";
            if (taken.Add(name))
            {
                names.Add(name);
            }
        }

        return names;
    }

    /// <summary>Dated posts get zero to three labels, popular labels more often; every label gets a post.</summary>
    private static void AssignLabels(List<PlannedPost> posts, int labelCount, Random random)
    {
        var dated = posts.Where(p => p.Date is not null).ToList();
        foreach (var post in dated)
        {
            var roll = random.NextDouble();
            var wanted = post.Shape == PostShape.LabelOnly ? 1 + random.Next(2) : roll < 0.3 ? 0 : roll < 0.7 ? 1 : roll < 0.9 ? 2 : 3;
            for (var n = 0; n < wanted; n++)
            {
                var label = (int)(labelCount * Math.Pow(random.NextDouble(), 2));
                if (!post.Labels.Contains(label))
                {
                    post.Labels.Add(label);
                }
            }
        }

        var used = dated.SelectMany(p => p.Labels).ToHashSet();
        for (var label = 0; label < labelCount; label++)
        {
            if (!used.Contains(label))
            {
                var post = dated[random.Next(dated.Count)];
                post.Labels.Add(label);
            }
        }
    }

    /// <summary>Own pages and label pages (newest post first), shuffled as a saved archive would be.</summary>
    private static List<PageSpec> Pages(List<PlannedPost> posts, int labelCount, int perPage, Random random)
    {
        var pages = posts.Where(p => p.Shape != PostShape.LabelOnly).Select(PageSpec.Own).ToList();
        var byLabel = Enumerable.Range(0, labelCount).Select(_ => new List<PlannedPost>()).ToArray();
        foreach (var post in posts)
        {
            foreach (var label in post.Labels)
            {
                byLabel[label].Add(post);
            }
        }

        for (var label = 0; label < labelCount; label++)
        {
            var newestFirst = byLabel[label].OrderByDescending(p => p.Date).ThenBy(p => p.Index).Select(p => p.Index).ToList();
            pages.AddRange(newestFirst.Chunk(perPage).Select(chunk => PageSpec.ForLabel(label, chunk)));
        }

        var shuffled = pages.ToArray();
        random.Shuffle(shuffled);
        return [.. shuffled];
    }

    /// <summary>Titles from the seed headings, numbered where a heading repeats, so every post's permalink and identity are unique.</summary>
    private sealed class TitleMaker(IReadOnlyList<string> headings)
    {
        private readonly Dictionary<string, int> _uses = new(StringComparer.Ordinal);
        private readonly HashSet<string> _permalinks = new(StringComparer.Ordinal);

        public (string Title, string Permalink) Next(DateOnly? date, Random random)
        {
            var heading = headings[random.Next(headings.Count)];
            while (true)
            {
                var uses = _uses[heading] = _uses.GetValueOrDefault(heading) + 1;
                var title = uses == 1 ? heading : $"{heading} {uses}";
                var permalink = PostIdentity.PermalinkFor(date, PostIdentity.SlugFor(title));
                if (_permalinks.Add(permalink))
                {
                    return (title, permalink);
                }
            }
        }
    }
}
