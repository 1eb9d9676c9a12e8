using System.Globalization;
using ProbationArchive.Core.Search;

namespace ProbationArchive.Web.Search;

/// <summary>
/// The search form as the reader sent it: it refills the form, builds the paging links, and is
/// checked into a <see cref="SearchRequest"/> or a message saying what to change.
/// </summary>
public sealed record SearchForm(string? Q, string? Label, string? From, string? To, string? Order, string? Page)
{
    public const string Path = "/search";
    public const string NewestOrder = "newest";
    public const string DateFormat = "yyyy-MM-dd";

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
    public string Url(int page)
    {
        var parameters = new List<KeyValuePair<string, string?>>();
        Add("q", Q);
        Add("label", Label);
        Add("from", From);
        Add("to", To);
        Add("order", Newest ? NewestOrder : null);
        Add("page", page > 1 ? page.ToString(CultureInfo.InvariantCulture) : null);
        return Path + QueryString.Create(parameters);

        void Add(string name, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                parameters.Add(new(name, value));
            }
        }
    }

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
