using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace ProbationArchive.Web.Tests.Reliability;

/// <summary>
/// Fetches pages for <see cref="ReadDuringImportTests"/>, checks each against
/// <see cref="ReadExpectations"/> and keeps every failure. Also notes when each state of the
/// archive was seen, to prove the reads overlapped the import: an older state (a post not yet
/// there, or an older thread) seen by a request that started after a newer state had been shown.
/// </summary>
internal sealed partial class ReadTally(ReadExpectations expected)
{
    private static readonly HtmlParser Parser = new();
    private readonly ConcurrentQueue<string> _failures = new();
    private long _firstNewStateShownAt = long.MaxValue;
    private long _lastOldStateAskedAt = long.MinValue;
    private int _frontier = -1;
    private int _posts;
    private int _lists;

    public IReadOnlyCollection<string> Failures => _failures;

    /// <summary>
    /// The highest-numbered post seen in the newest state. The import takes the pages in order, so
    /// the next posts are the ones being written: where a half-written thread would show.
    /// </summary>
    public int Frontier => Volatile.Read(ref _frontier);

    public bool SawTheArchiveMidImport => Interlocked.Read(ref _lastOldStateAskedAt) > Interlocked.Read(ref _firstNewStateShownAt);

    public async Task ReadPostAsync(HttpClient client, string url, int post)
    {
        var asked = Stopwatch.GetTimestamp();
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative), TestContext.Current.CancellationToken);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var shown = Stopwatch.GetTimestamp();
        Interlocked.Increment(ref _posts);
        if (response.StatusCode == HttpStatusCode.NotFound && expected.PostsMayBeMissing)
        {
            NoteOldState(asked);
            return;
        }

        if (response.StatusCode != HttpStatusCode.OK)
        {
            Fail(url, $"answered {(int)response.StatusCode}");
            return;
        }

        if (CheckThread(url, post, await Parser.ParseDocumentAsync(body, TestContext.Current.CancellationToken)) is not { } version)
        {
            return;
        }

        if (expected.PostsMayBeMissing || version == expected.NewestVersion)
        {
            NoteNewState(shown);
            var frontier = Volatile.Read(ref _frontier);
            while (post > frontier && Interlocked.CompareExchange(ref _frontier, post, frontier) != frontier)
            {
                frontier = Volatile.Read(ref _frontier);
            }
        }
        else
        {
            NoteOldState(asked);
        }
    }

    public async Task ReadListAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative), TestContext.Current.CancellationToken);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Interlocked.Increment(ref _lists);
        if (response.StatusCode == HttpStatusCode.NotFound && expected.PostsMayBeMissing)
        {
            // A page, month or label the import has not reached yet.
            return;
        }

        if (response.StatusCode != HttpStatusCode.OK)
        {
            Fail(url, $"answered {(int)response.StatusCode}");
            return;
        }

        // Every post listed shows the size of one whole thread.
        var document = await Parser.ParseDocumentAsync(body, TestContext.Current.CancellationToken);
        foreach (var summary in document.QuerySelectorAll(".post-summary"))
        {
            var title = summary.QuerySelector("h2 a")?.TextContent.Trim() ?? "";
            var count = summary.QuerySelector(".comment-count")?.TextContent.Trim() ?? "";
            if (TitleNumber().Match(title) is not { Success: true } titleMatch || CommentCountText().Match(count) is not { Success: true } countMatch)
            {
                Fail(url, $"lists an unexpected post '{title}' ({count})");
                continue;
            }

            var post = int.Parse(titleMatch.Groups["post"].Value, CultureInfo.InvariantCulture);
            var comments = countMatch.Groups["count"].Value == "No" ? 0 : int.Parse(countMatch.Groups["count"].Value, CultureInfo.InvariantCulture);
            if (!expected.VersionsWithCount(post, comments).Any())
            {
                Fail(url, $"lists post {post} with {comments} comments, a size no import gave its thread");
            }
        }
    }

    /// <summary>The version of the one whole thread the page shows, or null (and a failure) if it shows anything else.</summary>
    private int? CheckThread(string url, int post, IDocument page)
    {
        var title = page.QuerySelector("#post-title")?.TextContent.Trim();
        if (title != $"Reading post {post}")
        {
            Fail(url, $"shows the post titled '{title}'");
            return null;
        }

        var comments = page.QuerySelectorAll("#comments article");
        var versions = new HashSet<int>();
        var paths = new HashSet<string>(StringComparer.Ordinal);
        foreach (var comment in comments)
        {
            var text = comment.QuerySelector(":scope > div")?.TextContent.TrimStart() ?? "";
            if (CommentText().Match(text) is not { Success: true } match || match.Groups["post"].Value != post.ToString(CultureInfo.InvariantCulture))
            {
                Fail(url, $"shows a comment that is not this post's: '{text.Trim()}'");
                return null;
            }

            versions.Add(int.Parse(match.Groups["version"].Value, CultureInfo.InvariantCulture));
            paths.Add(match.Groups["path"].Value);
        }

        var candidates = versions.Count > 0 ? versions.ToList() : expected.VersionsWithCount(post, 0).ToList();
        if (candidates is not [var version] || !expected.Versions.Contains(version))
        {
            Fail(url, comments.Length == 0
                ? "shows the post without its comments"
                : $"mixes comments of versions {string.Join(", ", versions)}");
            return null;
        }

        var whole = ReadingCorpus.Comments(post, version);
        if (comments.Length != whole || paths.Count != whole)
        {
            Fail(url, $"shows {comments.Length} comments ({paths.Count} distinct) of the {whole} version {version} wrote: a thread half-built");
            return null;
        }

        return version;
    }

    private void NoteNewState(long shownAt)
    {
        var current = Interlocked.Read(ref _firstNewStateShownAt);
        while (shownAt < current && Interlocked.CompareExchange(ref _firstNewStateShownAt, shownAt, current) != current)
        {
            current = Interlocked.Read(ref _firstNewStateShownAt);
        }
    }

    private void NoteOldState(long askedAt)
    {
        var current = Interlocked.Read(ref _lastOldStateAskedAt);
        while (askedAt > current && Interlocked.CompareExchange(ref _lastOldStateAskedAt, askedAt, current) != current)
        {
            current = Interlocked.Read(ref _lastOldStateAskedAt);
        }
    }

    private void Fail(string url, string problem) => _failures.Enqueue($"GET {url} {problem}");

    public override string ToString() =>
        $"{_posts} post pages and {_lists} list pages read; an older state asked for after a newer one was shown: {SawTheArchiveMidImport}";

    [GeneratedRegex(@"^Comment (?<path>[0-9.]+) on post (?<post>[0-9]+), version (?<version>[0-9]+)\.", RegexOptions.CultureInvariant)]
    private static partial Regex CommentText();

    [GeneratedRegex(@"^Reading post (?<post>[0-9]+)$", RegexOptions.CultureInvariant)]
    private static partial Regex TitleNumber();

    [GeneratedRegex(@"^(?<count>No|[0-9]+) comments?", RegexOptions.CultureInvariant)]
    private static partial Regex CommentCountText();
}
