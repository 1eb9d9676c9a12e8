using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using ProbationArchive.Core.Data;
using ProbationArchive.Core.Search;
using ProbationArchive.Web.Hosting;
using ProbationArchive.Web.Reading;
using ProbationArchive.Web.Search;

namespace ProbationArchive.Web.Pages;

/// <summary>
/// Full-text search ("/search?q=..."), filtered by label and dates, ranked or newest first, paged.
/// Whatever the reader sends, the answer is a page: 200 with results or a prompt, 400 with a
/// message for a query that cannot run, never a 500. Rate-limited per client (SearchRateLimiting);
/// result pages are output-cached under their normalised form (OutputCaching.SearchPolicy), so
/// the page is built from <see cref="SearchForm.FromQuery"/> alone, never from the raw query.
/// </summary>
[EnableRateLimiting(SearchRateLimiting.PolicyName)]
[OutputCache(PolicyName = OutputCaching.SearchPolicy)]
public sealed class SearchModel(ArchiveDbContext db, ArchiveFacts facts, IOptions<SearchOptions> options, ILogger<SearchModel> logger) : PageModel, IDescribedPage
{
    // SQLITE_ERROR: what FTS5 answers to an expression it cannot parse.
    private const int SqliteError = 1;

    public SearchForm Form { get; private set; } = new(null, null, null, null, null, null);

    public IReadOnlyList<string> Labels { get; private set; } = [];

    /// <summary>Why the search did not run, in words for the reader; null when it ran or nothing was asked.</summary>
    public string? Problem { get; private set; }

    public SearchResults? Results { get; private set; }

    public string Description => Form.IsBlank
        ? "Search the archive's posts and comments by words, phrases, label and date. " + IDescribedPage.SiteDescription
        : $"Posts and comments matching {Form.Q}. " + IDescribedPage.SiteDescription;

    /// <summary>The search in its normalised form; none for a refused one (400, 404 past the end).</summary>
    public string? CanonicalPath => Problem is not null && !Form.IsBlank ? null : Form.Url(Results?.Page ?? 1);

    /// <summary>The last page a reader may open: the results' last, or Search:MaxPage when there are more.</summary>
    public int LastPage => Results is null ? 1 : Math.Min(Results.PageCount, options.Value.MaxPage);

    /// <summary>How many hits a reader can page through at most.</summary>
    public int Shown => options.Value.MaxPage * options.Value.PageSize;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Form = SearchForm.FromQuery(Request.Query);
        // The label names the form offers, from the archive summary made once per data version.
        Labels = [.. (await ArchiveSummary.GetAsync(facts, cancellationToken)).Labels.Select(l => l.Name)];
        if (Form.IsBlank)
        {
            // An empty search box is a question not yet asked: the page explains what to type.
            Problem = Form.Q is null ? null : "Type a word or a \"quoted phrase\" to search for.";
            return Page();
        }

        var request = Form.ToRequest(Labels, options.Value, out var problem);
        if (request is null)
        {
            return Refuse(StatusCodes.Status400BadRequest, problem!);
        }

        try
        {
            Results = await ArchiveSearch.RunAsync(db, request, cancellationToken);
        }
        catch (SqliteException e) when (e.SqliteErrorCode == SqliteError)
        {
            logger.LogWarning(e, "Search {Expression} could not run", request.Query.Expression);
            return Refuse(StatusCodes.Status400BadRequest, "The archive could not run this search. Try fewer or simpler words.");
        }

        if (Results.Total > 0 && Results.Page > Results.PageCount)
        {
            var pastTheEnd = PastTheEnd(Results);
            Results = null;
            return Refuse(StatusCodes.Status404NotFound, pastTheEnd);
        }

        return Page();
    }

    private PageResult Refuse(int status, string problem)
    {
        Problem = problem;
        // This page explains itself; the status-code pages must not replace it with "not found".
        HttpContext.Features.Get<IStatusCodePagesFeature>()?.Enabled = false;
        var page = Page();
        page.StatusCode = status;
        return page;
    }

    private static string PastTheEnd(SearchResults results) =>
        $"This search found {results.Total} {(results.Total == 1 ? "result" : "results")}, " +
        $"on {results.PageCount} {(results.PageCount == 1 ? "page" : "pages")}: there is no page {results.Page}.";
}
