using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using ProbationArchive.Core.Data;
using ProbationArchive.Web.Charts;
using ProbationArchive.Web.Hosting;
using ProbationArchive.Web.Reading;

namespace ProbationArchive.Web.Pages;

/// <summary>Date archives: a year ("/2018"), a month ("/2018/11"), or the undated posts ("/undated").</summary>
public sealed class ArchiveModel(ArchiveDbContext db, ArchiveFacts facts, IOptions<ArchiveOptions> options) : PageModel, IDescribedPage
{
    public string Heading { get; private set; } = "";

    public string Path { get; private set; } = "";

    public PostListPage Posts { get; private set; } = null!;

    public string Description => $"{Heading}{(Posts.PageNumber > 1 ? $", page {Posts.PageNumber}" : "")}. " + IDescribedPage.SiteDescription;

    public string? CanonicalPath => ArchiveUrls.Paged(Path, Posts.PageNumber);

    /// <summary>A year's posts and comments per month; null on month and undated pages.</summary>
    public ActivityChart? Activity { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? year, string? month, [FromQuery(Name = "page")] int? pageNumber, CancellationToken cancellationToken)
    {
        // "?page=abc" or a number past int is no page of the archive, as "?page=0" is not.
        if (!ModelState.IsValid)
        {
            return NotFound();
        }

        var posts = db.Posts.AsQueryable();
        if (year is null)
        {
            Heading = "Posts with no known date";
            Path = ArchiveUrls.Undated;
            posts = posts.Where(p => p.PublishedOn == null);
        }
        else
        {
            // The route only lets four and two digits through; the values still have to be a real year and month.
            var y = int.Parse(year, CultureInfo.InvariantCulture);
            var m = month is null ? (int?)null : int.Parse(month, CultureInfo.InvariantCulture);
            if (y is < 1 or > 9998 || m is < 1 or > 12)
            {
                return NotFound();
            }

            var from = new DateOnly(y, m ?? 1, 1);
            var to = m is null ? from.AddYears(1) : from.AddMonths(1);
            Heading = m is null ? $"Posts from {y}" : $"Posts from {ArchiveDates.MonthName(from.Month)} {y}";
            Path = m is null ? ArchiveUrls.Year(y) : ArchiveUrls.Month(y, from.Month);
            posts = posts.Where(p => p.PublishedOn >= from && p.PublishedOn < to);
        }

        var page = await PostLists.LoadAsync(posts, pageNumber ?? 1, options.Value.PageSize, cancellationToken);
        if (page is null || page.Posts.Count == 0)
        {
            // A date the archive holds nothing for is an unknown address, not an empty list.
            return NotFound();
        }

        Posts = page;
        if (year is not null && month is null)
        {
            var y = int.Parse(year, CultureInfo.InvariantCulture);
            Activity = new ActivityChart("activity", $" in {y}", MonthlyActivity.Year(await MonthlyActivity.WholeArchiveAsync(facts, cancellationToken), y));
        }

        return Page();
    }
}
