using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ProbationArchive.Core.Data;
using ProbationArchive.Web.Reading;

namespace ProbationArchive.Web.Pages;

/// <summary>Every label with its post count, by name ("/labels") or by count ("/labels?sort=count").</summary>
public sealed class LabelsModel(ArchiveDbContext db) : PageModel, IDescribedPage
{
    public const string ByCount = "count";

    public string Description => "Every label of the archive with its number of posts. " + IDescribedPage.SiteDescription;

    public string? CanonicalPath => SortedByCount ? $"{ArchiveUrls.Labels}?sort={ByCount}" : ArchiveUrls.Labels;

    public IReadOnlyList<LabelCount> Labels { get; private set; } = [];

    public bool SortedByCount { get; private set; }

    public async Task OnGetAsync(string? sort, CancellationToken cancellationToken)
    {
        SortedByCount = string.Equals(sort, ByCount, StringComparison.OrdinalIgnoreCase);
        var labels = db.Labels.AsNoTracking();
        Labels = await (SortedByCount
                ? labels.OrderByDescending(l => l.Posts.Count).ThenBy(l => l.Name)
                : labels.OrderBy(l => l.Name))
            .Select(l => new LabelCount(l.Name, l.Posts.Count))
            .ToListAsync(cancellationToken);
    }
}
