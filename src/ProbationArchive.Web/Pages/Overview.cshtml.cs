using Microsoft.AspNetCore.Mvc.RazorPages;
using ProbationArchive.Core.Data;
using ProbationArchive.Web.Charts;

namespace ProbationArchive.Web.Pages;

/// <summary>The whole archive at a glance ("/archive"): posts and comments in every month, one grouped query.</summary>
public sealed class OverviewModel(ArchiveDbContext db) : PageModel
{
    public ActivityChart Activity { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Activity = new ActivityChart("activity", "", await MonthlyActivity.LoadAsync(db.Posts, cancellationToken));
}
