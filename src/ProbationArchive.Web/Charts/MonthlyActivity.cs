using Microsoft.EntityFrameworkCore;
using ProbationArchive.Core.Archive;
using ProbationArchive.Web.Reading;

namespace ProbationArchive.Web.Charts;

/// <summary>Posts and comments per month, for the activity charts: one grouped query over any set of posts.</summary>
public static class MonthlyActivity
{
    /// <summary>
    /// Every month from the first dated post to the last, months without posts as zero. Undated
    /// posts have no month and are left out.
    /// </summary>
    public static async Task<IReadOnlyList<MonthActivity>> LoadAsync(IQueryable<Post> posts, CancellationToken cancellationToken)
    {
        var counted = await CountAsync(posts, cancellationToken);
        return counted.Count == 0 ? [] : Span(counted, (counted[0].Year, counted[0].Month), (counted[^1].Year, counted[^1].Month));
    }

    /// <summary>Every month of the whole archive, counted once per data version (<see cref="ArchiveFacts"/>).</summary>
    public static Task<IReadOnlyList<MonthActivity>> WholeArchiveAsync(ArchiveFacts facts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(facts);
        return facts.GetAsync("activity", (db, ct) => LoadAsync(db.Posts, ct), cancellationToken);
    }

    /// <summary>The twelve months of one year, months without posts as zero, from the whole archive's figures.</summary>
    public static IReadOnlyList<MonthActivity> Year(IReadOnlyList<MonthActivity> wholeArchive, int year)
    {
        ArgumentNullException.ThrowIfNull(wholeArchive);
        return Span(wholeArchive.Where(m => m.Year == year).ToList(), (year, 1), (year, 12));
    }

    /// <summary>The months that have posts, oldest first: one statement, grouped in SQL, made once per data version.</summary>
    private static async Task<List<MonthActivity>> CountAsync(IQueryable<Post> posts, CancellationToken cancellationToken)
    {
        var rows = await posts.AsNoTracking().TagWith(ArchiveFacts.QueryTag)
            .Where(p => p.PublishedOn != null)
            .GroupBy(p => new { p.PublishedOn!.Value.Year, p.PublishedOn!.Value.Month })
            .Select(g => new { g.Key.Year, g.Key.Month, Posts = g.Count(), Comments = g.Sum(p => p.Comments.Count) })
            .ToListAsync(cancellationToken);
        return rows.Select(r => new MonthActivity(r.Year, r.Month, r.Posts, r.Comments))
            .OrderBy(m => m.Year).ThenBy(m => m.Month)
            .ToList();
    }

    private static List<MonthActivity> Span(List<MonthActivity> counted, (int Year, int Month) first, (int Year, int Month) last)
    {
        var byMonth = counted.ToDictionary(m => (m.Year, m.Month));
        var months = new List<MonthActivity>();
        for (var (year, month) = first; (year, month).CompareTo(last) <= 0; (year, month) = month == 12 ? (year + 1, 1) : (year, month + 1))
        {
            months.Add(byMonth.GetValueOrDefault((year, month)) ?? new MonthActivity(year, month, 0, 0));
        }

        return months;
    }
}
