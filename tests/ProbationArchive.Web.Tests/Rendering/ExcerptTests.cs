using ProbationArchive.Core.Rendering;

namespace ProbationArchive.Web.Tests.Rendering;

public sealed class ExcerptTests
{
    [Fact]
    public void ShortText_IsKeptWholeOnOneLine() =>
        Assert.Equal("One line. And another.", Excerpt.From("  One line.\n\n   And another.  "));

    [Fact]
    public void LongText_IsCutAtAWordWithAnEllipsis()
    {
        var text = string.Join(' ', Enumerable.Repeat("probation", 60));

        var excerpt = Excerpt.From(text, maxLength: 50);

        Assert.Equal(string.Join(' ', Enumerable.Repeat("probation", 5)) + "…", excerpt);
    }
}
