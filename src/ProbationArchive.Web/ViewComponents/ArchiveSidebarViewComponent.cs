using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using ProbationArchive.Web.Reading;

namespace ProbationArchive.Web.ViewComponents;

/// <summary>
/// Blogger's archive widget and label list, on every page: the archive's summary, computed once
/// per data version (<see cref="ArchiveSummary"/>), with this page's year open.
/// </summary>
public sealed class ArchiveSidebarViewComponent(ArchiveFacts facts) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        var summary = await ArchiveSummary.GetAsync(facts, HttpContext.RequestAborted);
        return View(new ArchiveTree(summary.Years, summary.UndatedPosts, summary.Labels, OpenYear(summary.Years)));
    }

    /// <summary>The year of the page being read, else the newest: as in Blogger's widget, the others start closed.</summary>
    private int? OpenYear(IReadOnlyList<ArchiveYear> years) =>
        RouteData.Values.TryGetValue("year", out var value)
        && int.TryParse(value as string, NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            ? year
            : years.Count > 0 ? years[0].Year : null;
}
