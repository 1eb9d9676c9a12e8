using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using ProbationArchive.Core.Data;
using ProbationArchive.Web.Reading;

namespace ProbationArchive.Web.ViewComponents;

/// <summary>
/// Blogger's archive widget and label list, on every page. Two grouped queries, whatever the
/// number of posts: one for the posts per month, one for the posts per label.
/// </summary>
public sealed class ArchiveSidebarViewComponent(ArchiveDbContext db) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        var cancellationToken = HttpContext.RequestAborted;
        var months = await db.Posts.AsNoTracking()
            .GroupBy(p => new { Year = (int?)p.PublishedOn!.Value.Year, Month = (int?)p.PublishedOn!.Value.Month })
            .Select(g => new { g.Key.Year, g.Key.Month, Posts = g.Count() })
            .ToListAsync(cancellationToken);
        var labels = await db.Labels.AsNoTracking()
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
        var undated = months.Where(m => m.Year is null).Sum(m => m.Posts);
        return View(new ArchiveTree(years, undated, labels, OpenYear(years)));
    }

    /// <summary>The year of the page being read, else the newest: as in Blogger's widget, the others start closed.</summary>
    private int? OpenYear(List<ArchiveYear> years) =>
        RouteData.Values.TryGetValue("year", out var value)
        && int.TryParse(value as string, NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            ? year
            : years.Count > 0 ? years[0].Year : null;
}
