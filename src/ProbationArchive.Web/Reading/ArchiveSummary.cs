using Microsoft.EntityFrameworkCore;
using ProbationArchive.Core.Data;

namespace ProbationArchive.Web.Reading;

/// <summary>
/// The archive at a glance, as the sidebar of every page shows it: posts per year and month, the
/// undated posts, and every label with its post count (by name). Two grouped queries, made once
/// per data version (<see cref="ArchiveFacts"/>).
/// </summary>
public sealed record ArchiveSummary(IReadOnlyList<ArchiveYear> Years, int UndatedPosts, IReadOnlyList<LabelCount> Labels)
{
    public const string FactKey = "archive-summary";

    public static Task<ArchiveSummary> GetAsync(ArchiveFacts facts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(facts);
        return facts.GetAsync(FactKey, LoadAsync, cancellationToken);
    }

    public static async Task<ArchiveSummary> LoadAsync(ArchiveDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var months = await db.Posts.AsNoTracking().TagWith(ArchiveFacts.QueryTag)
            .GroupBy(p => new { Year = (int?)p.PublishedOn!.Value.Year, Month = (int?)p.PublishedOn!.Value.Month })
            .Select(g => new { g.Key.Year, g.Key.Month, Posts = g.Count() })
            .ToListAsync(cancellationToken);
        var labels = await db.Labels.AsNoTracking().TagWith(ArchiveFacts.QueryTag)
            .OrderBy(l => l.Name)
            .Select(l => new LabelCount(l.Name, l.Posts.Count))
            .ToListAsync(cancellationToken);

        var years = months
            .Where(m => m.Year is not null && m.Month is not null)
            .GroupBy(m => m.Year!.Value)
            .OrderByDescending(g => g.Key)
            .Select(g => new ArchiveYear(
                g.Key,
                g.Sum(m => m.Posts),
                g.OrderByDescending(m => m.Month).Select(m => new ArchiveMonth(g.Key, m.Month!.Value, m.Posts)).ToList()))
            .ToList();
        return new ArchiveSummary(years, months.Where(m => m.Year is null).Sum(m => m.Posts), labels);
    }
}
