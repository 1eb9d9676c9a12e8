using ProbationArchive.Core.Search;

namespace ProbationArchive.Core.Tests.Search;

public sealed class SearchQueryTests
{
    [Theory]
    [InlineData("napo pay", "\"napo\" \"pay\"")]
    [InlineData("\"free market\" idiots", "\"free market\" \"idiots\"")]
    [InlineData("probation -napo", "(\"probation\") NOT (\"napo\")")]
    [InlineData("probation -\"civil service\" -pay", "(\"probation\") NOT (\"civil service\" OR \"pay\")")]
    [InlineData("reunif*", "\"reunif\"*")]
    [InlineData("NEAR(a b) AND c:d OR ^e", "\"NEAR a\" \"b\" \"AND\" \"c d\" \"OR\" \"e\"")]
    [InlineData("\"unclosed phrase", "\"unclosed phrase\"")]
    [InlineData("Napo’s", "\"Napo s\"")]
    public void TryParse_ReaderSyntax_BecomesQuotedFts5Terms(string text, string expression)
    {
        var query = SearchQuery.TryParse(text, out var error);

        Assert.Null(error);
        Assert.Equal(expression, query!.Expression);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("-napo")]
    [InlineData("\"\" ** --")]
    public void TryParse_NothingToLookFor_GivesAFriendlyError(string text)
    {
        Assert.Null(SearchQuery.TryParse(text, out var error));
        Assert.False(string.IsNullOrWhiteSpace(error));
    }

    [Fact]
    public void TryParse_OverLongQuery_IsRefused()
    {
        Assert.Null(SearchQuery.TryParse(new string('a', SearchQuery.MaxLength + 1), out var error));
        Assert.Contains("200", error, StringComparison.Ordinal);
    }
}
