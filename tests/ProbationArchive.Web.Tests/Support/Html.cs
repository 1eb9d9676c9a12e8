using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace ProbationArchive.Web.Tests.Support;

/// <summary>Fetches pages and parses them with AngleSharp, so tests assert on elements, not substrings.</summary>
public static class Html
{
    private static readonly HtmlParser Parser = new();

    public static async Task<IDocument> GetDocumentAsync(this HttpClient client, string url, HttpStatusCode expected = HttpStatusCode.OK)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative), TestContext.Current.CancellationToken);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(expected == response.StatusCode, $"GET {url}: expected {(int)expected}, got {(int)response.StatusCode}\n{body}");
        return await Parser.ParseDocumentAsync(body, TestContext.Current.CancellationToken);
    }

    /// <summary>The element's text with runs of whitespace made single spaces.</summary>
    public static string Text(this IElement element)
    {
        ArgumentNullException.ThrowIfNull(element);
        return string.Join(' ', element.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
    }

    public static IElement One(this IParentNode node, string selector)
    {
        ArgumentNullException.ThrowIfNull(node);
        var matches = node.QuerySelectorAll(selector);
        Assert.True(matches.Length == 1, $"Expected one element for '{selector}', found {matches.Length}.");
        return matches[0];
    }

    /// <summary>The one element matching the selector whose text is <paramref name="text"/>.</summary>
    public static IElement One(this IParentNode node, string selector, string text)
    {
        ArgumentNullException.ThrowIfNull(node);
        var matches = node.QuerySelectorAll(selector).Where(e => e.Text() == text).ToList();
        Assert.True(matches.Count == 1, $"Expected one element for '{selector}' with the text '{text}', found {matches.Count}.");
        return matches[0];
    }
}
