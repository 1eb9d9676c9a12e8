using System.Security.Cryptography;
using ProbationArchive.Core.Parsing;
using ProbationArchive.CorpusGenerator;

namespace ProbationArchive.Bench.Tests;

public sealed class GeneratorTests(SmallCorpus corpus) : IClassFixture<SmallCorpus>
{
    [Fact]
    public void Generate_SameSeed_WritesTheSameBytes()
    {
        var again = Directory.CreateTempSubdirectory("probation-bench-again-").FullName;
        try
        {
            CorpusWriter.Write(SmallCorpus.Corpus, again);
            Assert.Equal(Digest(corpus.PagesFolder), Digest(CorpusWriter.PagesFolder(again)));
        }
        finally
        {
            Directory.Delete(again, recursive: true);
        }
    }

    [Fact]
    public void Generate_OtherSeed_WritesOtherPages()
    {
        var other = Directory.CreateTempSubdirectory("probation-bench-other-").FullName;
        try
        {
            CorpusWriter.Write(SmallCorpus.Corpus with { Seed = 8 }, other);
            Assert.NotEqual(Digest(corpus.PagesFolder), Digest(CorpusWriter.PagesFolder(other)));
        }
        finally
        {
            Directory.Delete(other, recursive: true);
        }
    }

    [Fact]
    public void Generate_WritesAllThreePageShapes_WithTheRequestedSizes()
    {
        var manifest = corpus.Manifest;
        Assert.Equal(SmallCorpus.Corpus.Posts, manifest.Posts);
        Assert.Equal(SmallCorpus.Corpus.Comments, manifest.Comments);
        Assert.Equal(SmallCorpus.Corpus.Labels, manifest.Labels);
        Assert.True(manifest.PostPages > 0 && manifest.FlattenedPages > 0 && manifest.LabelPages > 0, "one of the three shapes is missing");
        Assert.True(manifest.LabelOnlyPosts > 0, "no post appears only on label pages");
        Assert.Equal(SmallCorpus.Corpus.EffectiveBigPostComments, manifest.BigPost.Count);
        Assert.Equal(manifest.Files, Directory.GetFiles(corpus.PagesFolder, "*.txt").Length);
    }

    [Fact]
    public void Parse_EveryGeneratedPage_HasNoDiagnostics_AndTheManifestsComments()
    {
        var pages = Directory.EnumerateFiles(corpus.PagesFolder, "*.txt").Select(f => BlogPageParser.Parse(File.ReadAllText(f))).ToList();

        Assert.All(pages, p => Assert.Empty(p.Diagnostics));
        Assert.Equal(corpus.Manifest.Comments, pages.SelectMany(p => p.Posts).Sum(p => p.CommentCount));
        Assert.Equal(corpus.Manifest.TopLevelComments, pages.SelectMany(p => p.Posts).Sum(p => p.Comments.Count));
        Assert.Equal(corpus.Manifest.LabelPages, pages.Count(p => p.Kind == PageKind.LabelPage));
        Assert.Equal(corpus.Manifest.FlattenedPages, pages.Count(p => p.Kind == PageKind.FlattenedPost));
    }

    private static Dictionary<string, string> Digest(string folder) =>
        Directory.EnumerateFiles(folder).ToDictionary(f => Path.GetFileName(f), f => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f))), StringComparer.Ordinal);
}
