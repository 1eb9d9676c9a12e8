using System.Text;

namespace ProbationArchive.Core.Search;

/// <summary>
/// ts_headline marks every word that matches any word of the query, each on its own, where
/// FTS5's snippet marks a phrase as one run and leaves a phrase's word alone where it stands
/// outside the phrase. So each run of marked words (separated by nothing but spaces or
/// punctuation) is marked again: where a phrase's words stand in order, that stretch is one mark;
/// a word that is a term on its own is marked; other marked words (part of a phrase, but not
/// here) are not. Words are compared as typed, allowing for endings (the index stems them).
/// </summary>
internal static class PostgreSqlHighlights
{
    private const char Start = ArchiveSearch.HighlightStart;
    private const char End = ArchiveSearch.HighlightEnd;

    public static string AsFts5Would(string snippet, IReadOnlyList<SearchPhrase> phrases)
    {
        ArgumentNullException.ThrowIfNull(snippet);
        ArgumentNullException.ThrowIfNull(phrases);
        var result = new StringBuilder(snippet.Length);
        var i = 0;
        while (i < snippet.Length)
        {
            var open = snippet.IndexOf(Start, i);
            if (open < 0)
            {
                result.Append(snippet, i, snippet.Length - i);
                break;
            }

            result.Append(snippet, i, open - i);
            var close = RunEnd(snippet, open);
            var run = snippet[(open + 1)..close].Replace(Start.ToString(), "", StringComparison.Ordinal).Replace(End.ToString(), "", StringComparison.Ordinal);
            Mark(result, run, phrases);
            i = Math.Min(snippet.Length, close + 1);
        }

        return result.ToString();
    }

    /// <summary>The last end mark reached from <paramref name="open"/> across gaps without letters or digits.</summary>
    private static int RunEnd(string snippet, int open)
    {
        var close = snippet.IndexOf(End, open);
        while (close >= 0 && close + 1 < snippet.Length)
        {
            var next = snippet.IndexOf(Start, close + 1);
            if (next < 0 || snippet.AsSpan(close + 1, next - close - 1).ContainsAnyExcept(Gap))
            {
                break;
            }

            close = snippet.IndexOf(End, next);
        }

        return close < 0 ? snippet.Length : close;
    }

    private static void Mark(StringBuilder result, string run, IReadOnlyList<SearchPhrase> phrases)
    {
        var words = WordSpans(run);
        var marked = new bool[words.Count];
        foreach (var phrase in phrases)
        {
            var n = phrase.Words.Count;
            for (var s = 0; s + n <= words.Count; s++)
            {
                if (Enumerable.Range(0, n).All(j => Similar(run[words[s + j]], phrase.Words[j], phrase.LastIsPrefix && j == n - 1)))
                {
                    Array.Fill(marked, true, s, n);
                }
            }
        }

        var at = 0;
        for (var w = 0; w < words.Count; w++)
        {
            if (!marked[w] || (w > 0 && marked[w - 1]))
            {
                continue;
            }

            var last = w;
            while (last + 1 < words.Count && marked[last + 1])
            {
                last++;
            }

            result.Append(run, at, words[w].Start.Value - at).Append(Start).Append(run, words[w].Start.Value, words[last].End.Value - words[w].Start.Value).Append(End);
            at = words[last].End.Value;
        }

        result.Append(run, at, run.Length - at);
    }

    private static List<Range> WordSpans(string text)
    {
        var spans = new List<Range>();
        for (var i = 0; i < text.Length;)
        {
            if (!char.IsLetterOrDigit(text[i]))
            {
                i++;
                continue;
            }

            var start = i;
            while (i < text.Length && char.IsLetterOrDigit(text[i]))
            {
                i++;
            }

            spans.Add(start..i);
        }

        return spans;
    }

    /// <summary>The same word give or take an ending ("officers", "officer"), or a prefix's longer word.</summary>
    private static bool Similar(string word, string typed, bool prefix)
    {
        if (prefix || word.Length < typed.Length)
        {
            return word.StartsWith(typed, StringComparison.OrdinalIgnoreCase) || typed.StartsWith(word, StringComparison.OrdinalIgnoreCase) && !prefix;
        }

        var stem = Math.Max(Math.Min(typed.Length, 3), Math.Min(word.Length, typed.Length) - 2);
        return string.Compare(word, 0, typed, 0, stem, StringComparison.OrdinalIgnoreCase) == 0;
    }

    /// <summary>What may stand between the words of one phrase: ts_headline's marks, spaces, punctuation.</summary>
    private static readonly System.Buffers.SearchValues<char> Gap = System.Buffers.SearchValues.Create(
        " \t\r\n.,;:!?'\"()[]-–—…/" + ArchiveSearch.HighlightStart + ArchiveSearch.HighlightEnd);
}
