using FsCheck;
using FsCheck.Xunit;
using ProbationArchive.Core.Parsing;
using ProbationArchive.Core.Tests.Support;

namespace ProbationArchive.Core.Tests.Parsing;

/// <summary>
/// The parser never throws: random text and randomly mutated seeds always come back as a page or
/// as line-numbered errors, never both.
/// </summary>
public sealed class ParserFuzzTests
{
    private static readonly string[][] SeedLines = [.. Seeds.All.Select(s => Seeds.Read(s).Split('\n'))];

    private static readonly string[] Insertions =
    [
        "ReplyDelete", "Delete", "Replies", "    ReplyDelete", "      Delete", "    Replies", "  1. x", "    2. y", "      3. z",
        "5 comments:", "No comments:", "1 comment:", "Showing posts with label X. Show all posts", "Monday, 31 February 2019",
        "Thursday 1 November 2018", "ReplyDeleteDelete", "\0", "\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u000e", "\r", "\uFEFF", "",
    ];

    [Property(MaxTest = 3000)]
    public void Parse_AnyText_ReturnsAPageOrErrors(string? text) => AssertWellFormed(BlogPageParser.Parse(text ?? ""), text ?? "");

    [Property(MaxTest = 3000)]
    public void Parse_MutatedSeed_ReturnsAPageOrErrors(NonNegativeInt seedChoice, int[] mutations)
    {
        var lines = SeedLines[seedChoice.Get % SeedLines.Length].ToList();
        foreach (var mutation in mutations)
        {
            Mutate(lines, mutation & int.MaxValue);
        }

        var text = string.Join('\n', lines);
        AssertWellFormed(BlogPageParser.Parse(text), text);
    }

    private static void Mutate(List<string> lines, int m)
    {
        if (lines.Count == 0)
        {
            lines.Add(Insertions[m % Insertions.Length]);
            return;
        }

        var at = m / 9 % lines.Count;
        switch (m % 9)
        {
            case 0: lines.RemoveAt(at); break;
            case 1: lines.Insert(at, lines[at]); break;
            case 2 when at + 1 < lines.Count: (lines[at], lines[at + 1]) = (lines[at + 1], lines[at]); break;
            case 3: lines.Insert(at, Insertions[m / 7 % Insertions.Length]); break;
            case 4: lines[at] = lines[at].StartsWith("  ", StringComparison.Ordinal) ? lines[at][2..] : "  " + lines[at]; break;
            case 5: lines[at] = lines[at][..(lines[at].Length / 2)]; break;
            case 6: lines[at] = Insertions[m / 5 % Insertions.Length] + lines[at]; break;
            case 7: lines.RemoveRange(at, lines.Count - at); break;
            default: lines[at] = lines[at] + "\r"; break;
        }
    }

    private static void AssertWellFormed(ParsedPage page, string text)
    {
        var lineCount = text.ReplaceLineEndings("\n").Split('\n').Length;
        Assert.All(page.Diagnostics, d => Assert.InRange(d.Line, 1, Math.Max(1, lineCount)));
        if (page.HasErrors)
        {
            Assert.Equal(PageKind.Unknown, page.Kind);
            Assert.Empty(page.Posts);
        }
        else
        {
            Assert.NotEqual(PageKind.Unknown, page.Kind);
            Assert.NotEmpty(page.Posts);
            Assert.All(page.Posts, p => Assert.False(string.IsNullOrWhiteSpace(p.Title)));
        }
    }
}
