using ProbationArchive.Core.Parsing;

namespace ProbationArchive.CorpusGenerator;

/// <summary>
/// Parses a generated page with the real parser and checks it reads back as planned: no
/// diagnostics at all, the right shape, and the same dates, titles, bodies and comment counts.
/// </summary>
public static class PageVerifier
{
    public sealed record Expected(PageKind Kind, string? Label, IReadOnlyList<ExpectedPost> Posts);

    public sealed record ExpectedPost(DateOnly? Date, string? Title, string? Body, int Comments, int TopLevel);

    /// <returns>What differs, or an empty list.</returns>
    public static IReadOnlyList<string> Check(string text, Expected expected)
    {
        ArgumentNullException.ThrowIfNull(expected);
        var page = BlogPageParser.Parse(text);
        var problems = page.Diagnostics.Select(d => d.ToString()).ToList();
        Compare("kind", page.Kind, expected.Kind);
        Compare("label", page.Label, expected.Label);
        Compare("posts", page.Posts.Count, expected.Posts.Count);
        foreach (var (parsed, wanted) in page.Posts.Zip(expected.Posts))
        {
            Compare("date", parsed.Date, wanted.Date);
            Compare("comments", parsed.CommentCount, wanted.Comments);
            Compare("top-level comments", parsed.Comments.Count, wanted.TopLevel);
            if (wanted.Title is not null)
            {
                Compare("title", parsed.Title, wanted.Title);
            }

            if (wanted.Body is not null)
            {
                Compare("body", parsed.Body, wanted.Body);
            }
        }

        return problems;

        void Compare<T>(string what, T actual, T wanted)
        {
            if (!EqualityComparer<T>.Default.Equals(actual, wanted))
            {
                problems.Add($"{what}: parsed '{actual}', generated '{wanted}'");
            }
        }
    }
}
