using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ProbationArchive.Core.Parsing;

namespace ProbationArchive.CorpusGenerator;

/// <summary>
/// Writes a corpus into a folder, one page at a time (memory stays small at any size): the pages
/// in its pages/ folder, and beside them a manifest of what it wrote. The same options and seed
/// give the same bytes.
/// </summary>
public static class CorpusWriter
{
    public static string PagesFolder(string folder) => Path.Combine(folder, "pages");

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    public static CorpusManifest Write(CorpusOptions options, string folder, TextWriter? log = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var material = SeedMaterial.Load();
        var plan = CorpusPlanner.Plan(options.Validate(), material);
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }

        var pages = Directory.CreateDirectory(PagesFolder(folder)).FullName;
        var counts = new PageCounts();
        var page = new StringBuilder();
        var failures = new List<string>();
        for (var i = 0; i < plan.Pages.Count; i++)
        {
            page.Clear();
            var expected = Render(page, plan, plan.Pages[i], material, counts);
            var text = page.ToString();
            if (options.Verify && PageVerifier.Check(text, expected) is { Count: > 0 } problems)
            {
                failures.AddRange(problems.Select(p => $"page {i}: {p}"));
            }

            var bytes = Utf8.GetBytes(text);
            counts.Bytes += bytes.Length;
            File.WriteAllBytes(Path.Combine(pages, $"{i:D6}_{Convert.ToHexStringLower(SHA256.HashData(bytes))[..16]}.txt"), bytes);
            if (log is not null && (i + 1) % 2000 == 0)
            {
                log.WriteLine($"  {i + 1} of {plan.Pages.Count} pages");
            }
        }

        if (failures.Count > 0)
        {
            throw new InvalidOperationException($"{failures.Count} generated pages do not parse as planned:\n{string.Join('\n', failures.Take(20))}");
        }

        var manifest = Manifest(options, plan, counts);
        File.WriteAllText(Path.Combine(folder, CorpusManifest.FileName), JsonSerializer.Serialize(manifest, Json));
        return manifest;
    }

    /// <summary>The manifest of a corpus generated earlier with the same options, or null.</summary>
    public static CorpusManifest? TryReadManifest(string folder, CorpusOptions options)
    {
        var path = Path.Combine(folder, CorpusManifest.FileName);
        if (!File.Exists(path))
        {
            return null;
        }

        var manifest = JsonSerializer.Deserialize<CorpusManifest>(File.ReadAllText(path), Json);
        return manifest?.Name == options.Name ? manifest : null;
    }

    private static PageVerifier.Expected Render(StringBuilder page, CorpusPlan plan, PageSpec spec, SeedMaterial material, PageCounts counts)
    {
        if (spec.IsLabelPage)
        {
            var posts = spec.LabelPosts.Select(i => (Post: plan.Posts[i], Body: PageRenderer.Body(plan.Posts[i], material))).ToList();
            PageRenderer.LabelPage(page, plan.Labels[spec.Label], posts);
            counts.LabelPages++;
            return new PageVerifier.Expected(PageKind.LabelPage, plan.Labels[spec.Label],
                [.. posts.Select(p => new PageVerifier.ExpectedPost(p.Post.Date, p.Post.Title, p.Body, 0, 0))]);
        }

        var post = plan.Posts[spec.PostIndex];
        var threads = CommentThreads.For(post, material);
        counts.TopLevel += threads.Count;
        var body = PageRenderer.Body(post, material);
        if (post.Shape == PostShape.FlattenedPost)
        {
            PageRenderer.FlattenedPost(page, post, material, threads);
            counts.FlattenedPages++;
            var flatBody = post.Title + "\n" + string.Join('\n', post.BodyParagraphs.SelectMany(p => material.BodyParagraphs[p]));
            return new PageVerifier.Expected(PageKind.FlattenedPost, null, [new(null, null, flatBody, post.CommentCount, threads.Count)]);
        }

        PageRenderer.SinglePost(page, post, body, threads);
        counts.PostPages++;
        return new PageVerifier.Expected(PageKind.SinglePost, null, [new(post.Date, post.Title, body, post.CommentCount, threads.Count)]);
    }

    private static CorpusManifest Manifest(CorpusOptions options, CorpusPlan plan, PageCounts counts)
    {
        var comments = plan.Posts.Sum(p => p.CommentCount);
        var postLabels = plan.Posts.Sum(p => p.Labels.Count);
        var busiest = plan.Posts.SelectMany(p => p.Labels).CountBy(l => l).OrderByDescending(c => c.Value).ThenBy(c => c.Key).First();
        return new CorpusManifest
        {
            Options = options,
            Name = options.Name,
            Files = plan.Pages.Count,
            PostPages = counts.PostPages,
            FlattenedPages = counts.FlattenedPages,
            LabelPages = counts.LabelPages,
            Bytes = counts.Bytes,
            Posts = plan.Posts.Count,
            UndatedPosts = plan.Posts.Count(p => p.Date is null),
            LabelOnlyPosts = plan.Posts.Count(p => p.Shape == PostShape.LabelOnly),
            Comments = comments,
            TopLevelComments = counts.TopLevel,
            Replies = comments - counts.TopLevel,
            Labels = plan.Labels.Count,
            PostLabels = postLabels,
            PostSources = counts.PostPages + counts.FlattenedPages + postLabels,
            BigPost = new(plan.Posts[0].Permalink, plan.Posts[0].CommentCount),
            PopularPost = new(plan.Posts[1].Permalink, plan.Posts[1].CommentCount),
            BusiestLabel = new($"label/{Uri.EscapeDataString(plan.Labels[busiest.Key])}", busiest.Value),
        };
    }

    private sealed class PageCounts
    {
        public int PostPages { get; set; }

        public int FlattenedPages { get; set; }

        public int LabelPages { get; set; }

        public int TopLevel { get; set; }

        public long Bytes { get; set; }
    }
}
