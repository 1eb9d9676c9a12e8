using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ProbationArchive.Core.Data;
using ProbationArchive.Web.Charts;
using ProbationArchive.Web.Feeds;
using ProbationArchive.Web.Hosting;
using ProbationArchive.Web.Reading;

namespace ProbationArchive.Web.Pages;

/// <summary>Posts with a label ("/label/PO"), or with every one of several ("/label/A+B"), newest first.</summary>
public sealed class LabelModel(ArchiveDbContext db, ArchiveFacts facts, IOptions<ArchiveOptions> options) : PageModel, IDescribedPage
{
    public IReadOnlyList<string> Labels { get; private set; } = [];

    /// <summary>"label PO", or "labels A, B and C".</summary>
    public string LabelsPhrase => Labels.Count == 1
        ? $"label {Labels[0]}"
        : $"labels {string.Join(", ", Labels.Take(Labels.Count - 1))} and {Labels[^1]}";

    /// <summary>The label's Atom feed; there is none for a list of labels.</summary>
    public string? FeedUrl => Labels.Count == 1 ? FeedEndpoints.Label(Labels[0]) : null;

    public PostListPage Posts { get; private set; } = null!;

    public string Path { get; private set; } = "";

    public string Description => $"Showing posts with {LabelsPhrase}{(Posts.PageNumber > 1 ? $", page {Posts.PageNumber}" : "")}. " + IDescribedPage.SiteDescription;

    public string? CanonicalPath => ArchiveUrls.Paged(Path, Posts.PageNumber);

    /// <summary>The label's posts and comments per month, from its first post to its last.</summary>
    public ActivityChart Activity { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string? names, [FromQuery(Name = "page")] int? pageNumber, CancellationToken cancellationToken)
    {
        // Names of only spaces ("/label/%20") bind as null; "?page=abc" is no page number.
        if (string.IsNullOrWhiteSpace(names) || !ModelState.IsValid)
        {
            return NotFound();
        }

        // The server leaves an escaped "/" undecoded in a path, so a label such as "CRC/NPS" arrives as "CRC%2FNPS".
        names = names.Replace("%2F", "/", StringComparison.OrdinalIgnoreCase);
        var requested = names.Split('+', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();
        // A label may itself contain "+" (Blogger would have escaped it as %2B, which arrives decoded),
        // so the whole name is tried too; label names compare case-insensitively in the store.
        var candidates = requested.Append(names).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var found = await db.Labels.AsNoTracking()
            .Where(l => candidates.Contains(l.Name))
            .Select(l => new { l.Id, l.Name })
            .ToListAsync(cancellationToken);

        var whole = found.Find(l => string.Equals(l.Name, names, StringComparison.OrdinalIgnoreCase));
        var selected = whole is not null
            ? [whole]
            : requested.Select(n => found.Find(l => string.Equals(l.Name, n, StringComparison.OrdinalIgnoreCase))).ToList();
        if (selected.Count == 0)
        {
            return NotFound();
        }

        if (selected.Any(l => l is null))
        {
            HttpContext.Features.Set(new UnknownLabels(
                requested.Where((_, i) => selected[i] is null).ToList(),
                selected.Where(l => l is not null).Select(l => l!.Name).ToList()));
            return NotFound();
        }

        Labels = selected.Select(l => l!.Name).ToList();
        Path = ArchiveUrls.Label(Labels);
        if (!string.Equals(Uri.UnescapeDataString(Path), "/label/" + names, StringComparison.Ordinal))
        {
            // One address per label list: "/label/po" moves to "/label/PO".
            return RedirectPermanent(ArchiveUrls.Paged(Path, pageNumber ?? 1));
        }

        var ids = selected.Select(l => l!.Id).ToList();
        var posts = await PostLists.LoadAsync(Labelled(db.Posts, ids), pageNumber ?? 1, options.Value.PageSize, cancellationToken);
        if (posts is null)
        {
            return NotFound();
        }

        Posts = posts;
        // The chart's figures change only with the data: counted once per data version and label list.
        var activity = await facts.GetAsync("activity:" + string.Join(',', ids), (store, ct) => MonthlyActivity.LoadAsync(Labelled(store.Posts, ids), ct), cancellationToken);
        Activity = new ActivityChart("activity", $" with {LabelsPhrase}", activity);
        return Page();
    }

    private static IQueryable<Core.Archive.Post> Labelled(IQueryable<Core.Archive.Post> posts, List<int> ids) =>
        posts.Where(p => p.Labels.Count(l => ids.Contains(l.Id)) == ids.Count);
}
