using System.Text;

namespace ProbationArchive.Core.Search;

/// <summary>
/// A reader's query turned into a safe FTS5 expression: words and "quoted phrases" must all
/// match, -word or -"phrase" must not, word* matches a prefix. Every term is quoted, so nothing a
/// reader types is read as FTS5 syntax. PostgreSQL gets the same query in its own syntax
/// (<see cref="TsQuery"/>).
/// </summary>
public sealed record SearchQuery(string Expression, IReadOnlyList<string> Terms)
{
    /// <summary>
    /// The same query as PostgreSQL's <c>to_tsquery</c> text: each word quoted, a phrase's words
    /// joined by <c>&lt;-&gt;</c> (one after the other), a prefix as <c>:*</c>, terms joined by
    /// <c>&amp;</c>, the left-out ones as <c>&amp; !(… | …)</c>.
    /// </summary>
    public string TsQuery { get; init; } = "";

    /// <summary>The words of each term the reader looks for (not those left out), for PostgreSQL's highlights (PostgreSqlHighlights).</summary>
    public IReadOnlyList<SearchPhrase> Phrases { get; init; } = [];

    public const int MaxLength = 200;
    private const int MaxTerms = 16;

    public static SearchQuery? TryParse(string? text, out string? error)
    {
        error = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            error = "Type a word or a \"quoted phrase\" to search for.";
            return null;
        }

        if (text.Length > MaxLength)
        {
            error = $"Searches are limited to {MaxLength} characters.";
            return null;
        }

        var included = new List<string>();
        var excluded = new List<string>();
        var includedWords = new List<string[]>();
        var excludedWords = new List<string[]>();
        foreach (var (term, words, prefix, negated) in Tokenise(text))
        {
            (negated ? excluded : included).Add(term);
            (negated ? excludedWords : includedWords).Add(TsPhrase(words, prefix));
        }

        if (included.Count == 0)
        {
            error = excluded.Count == 0
                ? "The search holds no words. Type a word or a \"quoted phrase\"."
                : "A search needs at least one word to look for, not only words to leave out.";
            return null;
        }

        if (included.Count + excluded.Count > MaxTerms)
        {
            error = $"Searches are limited to {MaxTerms} words and phrases.";
            return null;
        }

        var expression = string.Join(' ', included);
        if (excluded.Count > 0)
        {
            expression = $"({expression}) NOT ({string.Join(" OR ", excluded)})";
        }

        var tsQuery = string.Join(" & ", includedWords.Select(w => w[0]));
        if (excludedWords.Count > 0)
        {
            tsQuery = $"({tsQuery}) & !({string.Join(" | ", excludedWords.Select(w => w[0]))})";
        }

        return new SearchQuery(expression, [.. included.Concat(excluded)])
        {
            TsQuery = tsQuery,
            Phrases = [.. includedWords.Select((w, i) => new SearchPhrase(w[1..], included[i].EndsWith('*')))],
        };
    }

    /// <summary>The phrase as tsquery text, then its words (so the caller can count them).</summary>
    private static string[] TsPhrase(string words, bool prefix)
    {
        var each = words.Split(' ');
        var quoted = each.Select((w, i) => $"'{w}'{(prefix && i == each.Length - 1 ? ":*" : "")}");
        return [string.Join(" <-> ", quoted), .. each];
    }

    private static IEnumerable<(string Term, string Words, bool Prefix, bool Negated)> Tokenise(string text)
    {
        var i = 0;
        while (i < text.Length)
        {
            while (i < text.Length && char.IsWhiteSpace(text[i]))
            {
                i++;
            }

            if (i >= text.Length)
            {
                yield break;
            }

            var negated = text[i] == '-';
            if (negated)
            {
                i++;
            }

            string raw;
            var prefix = false;
            if (i < text.Length && text[i] == '"')
            {
                var end = text.IndexOf('"', i + 1);
                end = end < 0 ? text.Length : end;
                raw = text[(i + 1)..end];
                i = end + 1;
            }
            else
            {
                var start = i;
                while (i < text.Length && !char.IsWhiteSpace(text[i]))
                {
                    i++;
                }

                raw = text[start..i];
                prefix = raw.EndsWith('*');
            }

            var words = Words(raw);
            if (words.Length > 0)
            {
                yield return ($"\"{words}\"{(prefix ? "*" : "")}", words, prefix, negated);
            }
        }
    }

    /// <summary>Letters and digits only: what the unicode61 tokenizer would index anyway.</summary>
    private static string Words(string raw)
    {
        var words = new StringBuilder(raw.Length);
        foreach (var c in raw)
        {
            words.Append(char.IsLetterOrDigit(c) ? c : ' ');
        }

        return string.Join(' ', words.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }
}
