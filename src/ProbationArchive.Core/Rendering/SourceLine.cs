using System.Text.RegularExpressions;

namespace ProbationArchive.Core.Rendering;

/// <summary>One line of stored text, measured once, the way the reflow rule (<see cref="Reflow"/>) needs it.</summary>
/// <param name="Length">Without trailing spaces (the saved pages keep some), as a wrapping tool counted it.</param>
/// <param name="IsListItem">A Markdown list item ("- x", "* x", "+ x", "1. x", "1) x").</param>
/// <param name="StartsOwnLine">
/// Begins a line of its own whatever the lengths: a list item or "•" bullet, a quote, a heading,
/// a code fence, a bare web address, or a separator with no letters or digits ("*****"). No
/// wrapping tool puts one of these at the start of a continuation line.
/// </param>
/// <param name="EndsOwnLine">
/// Nothing after it belongs on its line: a heading, a fence, a bare address, a separator. (A list
/// item or a quote may be wrapped onto the next line.)
/// </param>
/// <param name="IsBareAddress">A web address alone on its line: tools do not break these, so they run past the width.</param>
/// <param name="EndsSentence">Ends with ".", "!", "?", ":" or the blog's ":-", maybe inside closing quotes or brackets.</param>
internal readonly partial record struct SourceLine(
    string Text,
    bool IsBlank,
    int Length,
    int Indent,
    int FirstWordLength,
    bool IsListItem,
    bool IsFence,
    bool IsBareAddress,
    bool StartsOwnLine,
    bool EndsOwnLine,
    bool EndsSentence)
{
    public static SourceLine Measure(string text)
    {
        var trimmed = text.AsSpan().Trim();
        if (trimmed.IsEmpty)
        {
            return new SourceLine(text, IsBlank: true, 0, 0, 0, false, false, false, false, false, false);
        }

        var wordEnd = trimmed.IndexOfAny(' ', '\t');
        var isListItem = ListItem().IsMatch(text);
        var isFence = Fence().IsMatch(text);
        var isBareAddress = BareAddress().IsMatch(text);
        var endsOwnLine = isFence || isBareAddress || Heading().IsMatch(text) || !HasLetterOrDigit(trimmed);
        return new SourceLine(
            text,
            IsBlank: false,
            Length: text.AsSpan().TrimEnd().Length,
            Indent: text.Length - text.AsSpan().TrimStart().Length,
            FirstWordLength: wordEnd < 0 ? trimmed.Length : wordEnd,
            isListItem,
            isFence,
            isBareAddress,
            StartsOwnLine: endsOwnLine || isListItem || OwnLineStart().IsMatch(text),
            endsOwnLine,
            EndsSentence: SentenceEnd().IsMatch(text));
    }

    private static bool HasLetterOrDigit(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                return true;
            }
        }

        return false;
    }

    [GeneratedRegex(@"^\s*(?:[-*+]|[0-9]{1,9}[.)])(?:\s|$)")]
    private static partial Regex ListItem();

    [GeneratedRegex(@"^\s*(?:```|~~~)")]
    private static partial Regex Fence();

    // "•" is no Markdown list marker, but the saved pages use it for list items.
    [GeneratedRegex(@"^\s*[>•]")]
    private static partial Regex OwnLineStart();

    [GeneratedRegex(@"^\s*#")]
    private static partial Regex Heading();

    [GeneratedRegex(@"^\s*(?:https?://|www\.)\S+\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex BareAddress();

    [GeneratedRegex(@"(?:[.!?]|:-?)[""'\u201D\u2019)\]]*\s*$")]
    private static partial Regex SentenceEnd();
}
