using System.Globalization;
using ProbationArchive.Core.Search;

namespace ProbationArchive.Web.Search;

/// <summary>
/// The search form as the reader sent it, normalised (<see cref="FromQuery"/>): it refills the
/// form, builds the paging links, is checked into a <see cref="SearchRequest"/> or a message
/// saying what to change, and keys the page in the output cache (<see cref="CacheKey"/>).
/// </summary>
public sealed record SearchForm(string? Q, string? Label, string? From, string? To, string? Order, string? Page)
{
    public const string Path = "/search";
    public const string NewestOrder = "newest";
    public const string DateFormat = "yyyy-MM-dd";

    /// <summary>
    /// The form from the request's query string (the first value of each field), normalised so
    /// that requests asking the same search are one form: values trimmed, runs of spaces in the
    /// words made one (the search splits on them anyway), an empty label or date dropped, the
    /// order "newest" or none, the page as a plain number and none for page 1. A query of only
    /// spaces stays an empty query, which the page answers with a prompt; no query at all does not.
    /// </summary>
    public static SearchForm FromQuery(IQueryCollection query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var q = First(query, "q");
        return new SearchForm(
            string.IsNullOrEmpty(q) ? null : string.Join(' ', q.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)),
            Filled(First(query, "label")),
            Filled(First(query, "from")),
            Filled(First(query, "to")),
            string.Equals(Filled(First(query, "order")), NewestOrder, StringComparison.OrdinalIgnoreCase) ? NewestOrder : null,
            PageNumber(Filled(First(query, "page"))));
    }

    /// <summary>
    /// Every field, escaped, in a fixed order: equal for two forms exactly when they are equal,
    /// so the page (built from the form alone) can be cached under it.
    /// </summary>
    public string CacheKey => Query([("q", Q), ("label", Label), ("from", From), ("to", To), ("order", Order), ("page", Page)], keepEmpty: true);

    public bool IsBlank => string.IsNullOrWhiteSpace(Q);

    public bool Newest => string.Equals(Order, NewestOrder, StringComparison.OrdinalIgnoreCase);

    /// <summary>The request to run, or null and a message for the reader.</summary>
    /// <param name="labels">The archive's label names: a label filter must be one of them.</param>
    public SearchRequest? ToRequest(IReadOnlyList<string> labels, SearchOptions options, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(options);
        var query = SearchQuery.TryParse(Q, out problem);
        if (query is null)
        {
            return null;
        }

        string? label = null;
        if (!string.IsNullOrWhiteSpace(Label))
        {
            label = labels.FirstOrDefault(l => string.Equals(l, Label.Trim(), StringComparison.OrdinalIgnoreCase));
            if (label is null)
            {
                problem = $"The archive has no label \u201c{Label}\u201d. Choose a label from the list, or any label.";
                return null;
            }
        }

        if (!TryParseDate(From, out var from) || !TryParseDate(To, out var to))
        {
            problem = "Write dates as year-month-day, for example 2018-11-01.";
            return null;
        }

        if (from > to)
        {
            problem = "The \u201cfrom\u201d date is after the \u201cto\u201d date.";
            return null;
        }

        var page = 1;
        if (!string.IsNullOrEmpty(Page)
            && (!int.TryParse(Page, NumberStyles.None, CultureInfo.InvariantCulture, out page) || page < 1 || page > options.MaxPage))
        {
            problem = $"Pages of results are numbered from 1 to {options.MaxPage}.";
            return null;
        }

        return new SearchRequest(query, label, from, to, Newest ? SearchOrder.Newest : SearchOrder.Relevance, page, options.PageSize, options.CountLimit);
    }

    /// <summary>The same search at another page of results.</summary>
    public string Url(int page) =>
        Path + Query(
            [("q", Q), ("label", Label), ("from", From), ("to", To), ("order", Newest ? NewestOrder : null),
             ("page", page > 1 ? page.ToString(CultureInfo.InvariantCulture) : null)],
            keepEmpty: false);

    /// <summary>"?name=value&amp;..." of the fields that hold a value (or, with <paramref name="keepEmpty"/>, that are there at all).</summary>
    private static string Query(IEnumerable<(string Name, string? Value)> fields, bool keepEmpty) =>
        QueryString.Create(fields
            .Where(f => keepEmpty ? f.Value is not null : !string.IsNullOrWhiteSpace(f.Value))
            .Select(f => KeyValuePair.Create(f.Name, f.Value))).ToString();

    private static string? First(IQueryCollection query, string name) => query[name] is [var first, ..] ? first : null;

    private static string? Filled(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>"007" and "7" are page 7, and page 1 is no page; anything else is kept for the form to refuse.</summary>
    private static string? PageNumber(string? page) =>
        page is not null && int.TryParse(page, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            ? number == 1 ? null : number.ToString(CultureInfo.InvariantCulture)
            : page;

    private static bool TryParseDate(string? text, out DateOnly? date)
    {
        date = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        if (!DateOnly.TryParseExact(text.Trim(), DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            return false;
        }

        date = parsed;
        return true;
    }
}
