using System.Globalization;

namespace ProbationArchive.CorpusGenerator;

/// <summary>What to generate. The defaults are the real blog's scale (issue 5).</summary>
public sealed record CorpusOptions
{
    public int Seed { get; init; } = 1;

    public int Posts { get; init; } = 10_000;

    public int Comments { get; init; } = 300_000;

    public int Labels { get; init; } = 200;

    /// <summary>The busiest post's comments; capped to a third of <see cref="Comments"/> for small corpora.</summary>
    public int BigPostComments { get; init; } = 2_000;

    /// <summary>A popular post's comments, the HTTP benchmark's typical heavy page; capped to a tenth of <see cref="Comments"/>.</summary>
    public int PopularPostComments { get; init; } = 300;

    /// <summary>Posts on one label page, as Blogger pages them.</summary>
    public int PostsPerLabelPage { get; init; } = 20;

    /// <summary>Parse every page after writing it and fail on any mismatch.</summary>
    public bool Verify { get; init; }

    public const string Usage =
        "options: --seed N --posts N --comments N --labels N --big-post N --popular-post N --per-label-page N --verify";

    public int EffectiveBigPostComments => Math.Min(BigPostComments, Comments / 3);

    public int EffectivePopularPostComments => Math.Min(PopularPostComments, Comments / 10);

    /// <summary>Reads "--name value" pairs; unknown options throw <see cref="ArgumentException"/>.</summary>
    public static CorpusOptions Parse(IReadOnlyList<string> args, out IReadOnlyList<string> rest)
    {
        ArgumentNullException.ThrowIfNull(args);
        var options = new CorpusOptions();
        var others = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            options = args[i] switch
            {
                "--seed" => options with { Seed = Number(args, ++i) },
                "--posts" => options with { Posts = Number(args, ++i) },
                "--comments" => options with { Comments = Number(args, ++i) },
                "--labels" => options with { Labels = Number(args, ++i) },
                "--big-post" => options with { BigPostComments = Number(args, ++i) },
                "--popular-post" => options with { PopularPostComments = Number(args, ++i) },
                "--per-label-page" => options with { PostsPerLabelPage = Math.Max(1, Number(args, ++i)) },
                "--verify" => options with { Verify = true },
                _ when args[i].StartsWith("--", StringComparison.Ordinal) => throw new ArgumentException($"unknown option {args[i]}; {Usage}"),
                _ => Keep(options, args[i]),
            };
        }

        rest = others;
        return options.Validate();

        CorpusOptions Keep(CorpusOptions current, string arg)
        {
            others.Add(arg);
            return current;
        }
    }

    public CorpusOptions Validate()
    {
        if (Posts < 10 || Comments < 0 || Labels < 1)
        {
            throw new ArgumentException("a corpus needs at least 10 posts, 0 comments and 1 label");
        }

        return this;
    }

    /// <summary>A folder name that changes whenever the corpus would.</summary>
    public string Name => string.Create(CultureInfo.InvariantCulture,
        $"corpus-s{Seed}-p{Posts}-c{Comments}-l{Labels}-b{EffectiveBigPostComments}-m{EffectivePopularPostComments}-g{PostsPerLabelPage}");

    private static int Number(IReadOnlyList<string> args, int index) =>
        index < args.Count && int.TryParse(args[index], NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new ArgumentException($"{args[index - 1]} needs a whole number");
}
