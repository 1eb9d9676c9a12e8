using System.Text;

namespace ProbationArchive.Core.Search;

/// <summary>
/// A reader's query turned into a safe FTS5 expression: words and "quoted phrases" must all
/// match, -word or -"phrase" must not, word* matches a prefix. Every term is quoted, so nothing a
/// reader types is read as FTS5 syntax.
/// </summary>
public sealed record SearchQuery(string Expression, IReadOnlyList<string> Terms)
{
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
        foreach (var (term, negated) in Tokenise(text))
        {
            (negated ? excluded : included).Add(term);
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

        return new SearchQuery(expression, [.. included.Concat(excluded)]);
    }

    private static IEnumerable<(string Term, bool Negated)> Tokenise(string text)
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
                yield return ($"\"{words}\"{(prefix ? "*" : "")}", negated);
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
