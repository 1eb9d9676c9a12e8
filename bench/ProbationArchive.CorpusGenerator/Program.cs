using ProbationArchive.CorpusGenerator;

// dotnet run -c Release --project bench/ProbationArchive.CorpusGenerator -- [options] <output-folder>
// writes <output-folder>/pages/*.txt and <output-folder>/manifest.json.
CorpusOptions options;
IReadOnlyList<string> rest;
try
{
    options = CorpusOptions.Parse(args, out rest);
}
catch (ArgumentException e)
{
    await Console.Error.WriteLineAsync(e.Message);
    return 2;
}

if (rest.Count != 1)
{
    await Console.Error.WriteLineAsync($"usage: ProbationArchive.CorpusGenerator [options] <output-folder>\n{CorpusOptions.Usage}");
    return 2;
}

var clock = System.Diagnostics.Stopwatch.StartNew();
var manifest = CorpusWriter.Write(options, rest[0], Console.Out);
Console.WriteLine(
    $"Wrote {manifest.Files} files ({manifest.PostPages} post pages, {manifest.FlattenedPages} flattened, {manifest.LabelPages} label pages), " +
    $"{manifest.Bytes / 1e6:F1} MB in {clock.Elapsed.TotalSeconds:F1} s: {manifest.Posts} posts ({manifest.UndatedPosts} undated, {manifest.LabelOnlyPosts} only on label pages), " +
    $"{manifest.Comments} comments ({manifest.TopLevelComments} top-level, {manifest.Replies} replies), {manifest.Labels} labels, {manifest.PostLabels} post-label links" +
    (options.Verify ? "; every page parsed back as planned" : ""));
Console.WriteLine($"Big post: /{manifest.BigPost.Path} ({manifest.BigPost.Count} comments); popular post: /{manifest.PopularPost.Path} ({manifest.PopularPost.Count}); busiest label: /{manifest.BusiestLabel.Path} ({manifest.BusiestLabel.Count} posts)");
return 0;
