using ProbationArchive.Core.Rendering;

namespace ProbationArchive.Web.Tests.Rendering;

public sealed class ExcerptTests
{
    [Fact]
    public void Paragraphs_AreKeptApartBySeparator() =>
        Assert.Equal("One line." + Excerpt.Separator + "And another.", Excerpt.From("  One line.\n\n   And another.  "));

    [Fact]
    public void HeadingAndText_DoNotRunTogether()
    {
        // The opening of "Report Highlights Structural Failings" (seed 004).
        var excerpt = Excerpt.From("Independent serious further offence review of Damien Bendall\n\nBackground\n\nDamien Bendall murdered Terri Harris");

        Assert.Equal(
            string.Join(Excerpt.Separator, "Independent serious further offence review of Damien Bendall", "Background", "Damien Bendall murdered Terri Harris"),
            excerpt);
    }

    [Fact]
    public void WrappedLines_AreOneBlock_AndBulletsAreDropped()
    {
        var text = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Rendering", "Cases", "wrapped-press-release.txt"));
        var wrapped = text.Split('\n')[2..8];

        var excerpt = Excerpt.From(string.Join('\n', wrapped) + "\n- a bullet", maxLength: 10_000);

        Assert.Equal(string.Join(' ', wrapped.Select(l => l.Trim())) + Excerpt.Separator + "a bullet", excerpt);
    }

    [Fact]
    public void LongText_IsCutAtAWordWithAnEllipsis()
    {
        var text = string.Join(' ', Enumerable.Repeat("probation", 60));

        var excerpt = Excerpt.From(text, maxLength: 50);

        Assert.Equal(string.Join(' ', Enumerable.Repeat("probation", 5)) + "…", excerpt);
    }
}
