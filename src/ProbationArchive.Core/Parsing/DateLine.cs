using System.Globalization;
using System.Text.RegularExpressions;

namespace ProbationArchive.Core.Parsing;

/// <summary>
/// A whole line holding a post date: weekday, optional comma, day, month name, four-digit year.
/// Dates inside sentences are not date lines.
/// </summary>
internal static partial class DateLine
{
    public static bool IsDateLine(string line) => Pattern().IsMatch(line.Trim());

    /// <summary>Reads a date line; adds a diagnostic when the date is impossible or its weekday is wrong.</summary>
    public static DateOnly? Read(string line, int lineNumber, List<Diagnostic> diagnostics)
    {
        var match = Pattern().Match(line.Trim());
        if (!match.Success)
        {
            return null;
        }

        var day = int.Parse(match.Groups["day"].Value, CultureInfo.InvariantCulture);
        var month = DateTime.ParseExact(match.Groups["month"].Value, "MMMM", CultureInfo.InvariantCulture).Month;
        var year = int.Parse(match.Groups["year"].Value, CultureInfo.InvariantCulture);
        if (year < 1 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            diagnostics.Add(new Diagnostic(lineNumber, DiagnosticSeverity.Error, "impossible-date",
                $"'{line.Trim()}' is not a real date"));
            return null;
        }

        var date = new DateOnly(year, month, day);
        var weekday = match.Groups["weekday"].Value;
        if (!string.Equals(date.DayOfWeek.ToString(), weekday, StringComparison.Ordinal))
        {
            diagnostics.Add(new Diagnostic(lineNumber, DiagnosticSeverity.Warning, "weekday-mismatch",
                $"{date:d MMMM yyyy} was a {date.DayOfWeek}, not a {weekday}; the date is kept"));
        }

        return date;
    }

    [GeneratedRegex(
        @"^(?<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),? (?<day>\d{1,2}) (?<month>January|February|March|April|May|June|July|August|September|October|November|December) (?<year>\d{4})$",
        RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
