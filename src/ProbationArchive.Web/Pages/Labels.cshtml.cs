using Microsoft.AspNetCore.Mvc.RazorPages;
using ProbationArchive.Web.Reading;

namespace ProbationArchive.Web.Pages;

/// <summary>Every label with its post count, by name ("/labels") or by count ("/labels?sort=count").</summary>
public sealed class LabelsModel(ArchiveFacts facts) : PageModel, IDescribedPage
{
    public const string ByCount = "count";

    public string Description => "Every label of the archive with its number of posts. " + IDescribedPage.SiteDescription;

    public string? CanonicalPath => SortedByCount ? $"{ArchiveUrls.Labels}?sort={ByCount}" : ArchiveUrls.Labels;

    public IReadOnlyList<LabelCount> Labels { get; private set; } = [];

    public bool SortedByCount { get; private set; }

    public async Task OnGetAsync(string? sort, CancellationToken cancellationToken)
    {
        SortedByCount = string.Equals(sort, ByCount, StringComparison.OrdinalIgnoreCase);
        // The counts are the sidebar's, made once per data version, already by name.
        var labels = (await ArchiveSummary.GetAsync(facts, cancellationToken)).Labels;
        Labels = SortedByCount ? [.. labels.OrderByDescending(l => l.Posts).ThenBy(l => l.Name, StringComparer.OrdinalIgnoreCase)] : labels;
    }
}
