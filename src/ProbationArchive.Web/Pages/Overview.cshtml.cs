using Microsoft.AspNetCore.Mvc.RazorPages;
using ProbationArchive.Web.Charts;
using ProbationArchive.Web.Reading;

namespace ProbationArchive.Web.Pages;

/// <summary>The whole archive at a glance ("/archive"): posts and comments in every month, counted once per data version.</summary>
public sealed class OverviewModel(ArchiveFacts facts) : PageModel, IDescribedPage
{
    public string Description => "Posts and comments per month over the whole archive, as a chart and a table. " + IDescribedPage.SiteDescription;

    public string? CanonicalPath => ArchiveUrls.Overview;

    public ActivityChart Activity { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Activity = new ActivityChart("activity", "", await MonthlyActivity.WholeArchiveAsync(facts, cancellationToken));
}
