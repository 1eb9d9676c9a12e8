using AngleSharp.Dom;
using Microsoft.AspNetCore.Mvc.Testing;
using ProbationArchive.Web.Tests.Support;

namespace ProbationArchive.Web.Tests.Search;

/// <summary>Addresses and readings of the search page shared by the search tests.</summary>
internal static class SearchClient
{
    /// <summary>"/search?q=..." with the query escaped, plus any other parameters as given.</summary>
    public static string Url(string query, string extra = "") => $"/search?q={Uri.EscapeDataString(query)}{extra}";

    /// <summary>
    /// The same app and database with another number of hits a page. The factory is started first,
    /// so the seeds are imported once.
    /// </summary>
    public static WebApplicationFactory<Program> WithSearchSetting(this ArchiveWebFactory factory, string key, string value)
    {
        _ = factory.Services;
        return factory.WithWebHostBuilder(builder => builder.UseSetting(key, value));
    }

    public static int Total(this IDocument page) => int.Parse(page.One("#search-count").GetAttribute("data-total")!, System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Each hit's post id, from the page's data attributes.</summary>
    public static List<string> HitKeys(this IDocument page) =>
        page.QuerySelectorAll(".search-hit").Select(h => h.GetAttribute("data-post-id")!).ToList();

    /// <summary>Per post: whether its own text matched, and how many of its comments did.</summary>
    public static Dictionary<string, (bool Post, int Comments)> Matches(this IDocument page) =>
        page.QuerySelectorAll(".search-hit").ToDictionary(
            h => h.GetAttribute("data-post-id")!,
            h => (h.GetAttribute("data-post-matched") == "true", int.Parse(h.GetAttribute("data-comment-matches")!, System.Globalization.CultureInfo.InvariantCulture)));
}
