using System.Net;
using ProbationArchive.Web.Tests.Support;

namespace ProbationArchive.Web.Tests.Search;

/// <summary>Whatever a reader types, the search page answers with a page that says what to change: never a 500.</summary>
public sealed class SearchProblemTests(ArchiveWebFactory factory)
{
    public static TheoryData<string, string> Refused => new()
    {
        { "/search?q=-napo", "not only words to leave out" },
        { "/search?q=%22%22", "holds no words" },
        { "/search?q=***", "holds no words" },
        { "/search?q=" + new string('a', 201), "limited to 200 characters" },
        { "/search?q=" + string.Join('+', Enumerable.Range(1, 17).Select(i => $"w{i}")), "limited to 16 words" },
        { "/search?q=napo&from=2018-02-30", "year-month-day" },
        { "/search?q=napo&to=yesterday", "year-month-day" },
        { "/search?q=napo&from=2019-01-01&to=2018-01-01", "after the" },
        { "/search?q=napo&label=No%20such%20label", "has no label" },
        { "/search?q=napo&page=0", "numbered from 1 to 50" },
        { "/search?q=napo&page=-1", "numbered from 1 to 50" },
        { "/search?q=napo&page=abc", "numbered from 1 to 50" },
        { "/search?q=napo&page=51", "numbered from 1 to 50" },
        { "/search?q=napo&page=99999999999999999999", "numbered from 1 to 50" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task MalformedSearch_Gets400WithAMessageAndTheFormAgain(string url, string message)
    {
        var page = await factory.CreateReader().GetDocumentAsync(url, HttpStatusCode.BadRequest);

        Assert.Contains(message, page.One("#search-problem").Text(), StringComparison.Ordinal);
        Assert.Equal("Search the archive", page.One("h1").Text());
        Assert.NotNull(page.QuerySelector("form.search-page-form input[name=q]"));
        Assert.Empty(page.QuerySelectorAll(".search-hit"));
    }

    [Theory]
    [InlineData("/search")]
    [InlineData("/search?q=")]
    [InlineData("/search?q=%20%20%20")]
    [InlineData("/search?label=PO")]
    public async Task EmptySearch_Gets200AndThePrompt(string url)
    {
        var page = await factory.CreateReader().GetDocumentAsync(url);

        Assert.NotNull(page.QuerySelector("#search-syntax"));
        Assert.Empty(page.QuerySelectorAll("#search-count"));
    }

    [Theory]
    [InlineData("NEAR(napo probation)")]
    [InlineData("napo OR pay")]
    [InlineData("napo AND NOT pay")]
    [InlineData("title:napo")]
    [InlineData("^napo")]
    [InlineData("\"unterminated phrase")]
    [InlineData("napo -")]
    [InlineData("(napo")]
    [InlineData("{napo pay}")]
    [InlineData("napo*pay*")]
    [InlineData("\u00e9t\u00e9 na\u00efve \U0001F600")]
    public async Task FtsSyntax_IsReadAsWords_NotAsCommands(string query)
    {
        var page = await factory.CreateReader().GetDocumentAsync(SearchClient.Url(query));

        Assert.NotNull(page.QuerySelector("#search-count"));
        Assert.Equal(query, page.One("#search-page-q").GetAttribute("value"));
    }

    [Fact]
    public async Task HostileQuery_IsShownAsText()
    {
        const string Query = "<script>alert(1)</script> \"><img src=x onerror=alert(2)>";

        var page = await factory.CreateReader().GetDocumentAsync(SearchClient.Url(Query));

        Assert.Empty(page.QuerySelectorAll("script, main img"));
        Assert.Equal(Query, page.One("#search-page-q").GetAttribute("value"));
        Assert.Equal(Query, page.One("#search-count q").Text());
    }
}
