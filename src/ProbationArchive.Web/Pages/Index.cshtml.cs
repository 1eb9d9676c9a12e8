using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using ProbationArchive.Core.Data;
using ProbationArchive.Web.Hosting;
using ProbationArchive.Web.Reading;

namespace ProbationArchive.Web.Pages;

/// <summary>The newest posts, a page at a time ("/?page=2").</summary>
public sealed class IndexModel(ArchiveDbContext db, ArchiveFacts facts, IOptions<ArchiveOptions> options) : PageModel, IDescribedPage
{
    public PostListPage Posts { get; private set; } = null!;

    public string Description => Posts.PageNumber == 1
        ? "The newest posts first. " + IDescribedPage.SiteDescription
        : $"Posts, page {Posts.PageNumber}. " + IDescribedPage.SiteDescription;

    public string? CanonicalPath => ArchiveUrls.Paged(ArchiveUrls.Home, Posts.PageNumber);

    // "page" is also Razor Pages' own route value (the page's name), so the parameter is named apart.
    public async Task<IActionResult> OnGetAsync([FromQuery(Name = "page")] int? pageNumber, CancellationToken cancellationToken)
    {
        // "?page=abc" or a number past int is no page of the archive, as "?page=0" is not.
        if (!ModelState.IsValid)
        {
            return NotFound();
        }

        var pageSize = options.Value.PageSize;
        // The newest posts are the archive's most read list, and change only with the data.
        var posts = pageNumber is null or 1
            ? await facts.GetAsync("newest", async (store, ct) => (await PostLists.LoadAsync(store.Posts, 1, pageSize, ct))!, cancellationToken)
            : await PostLists.LoadAsync(db.Posts, pageNumber.Value, pageSize, cancellationToken);
        if (posts is null)
        {
            return NotFound();
        }

        Posts = posts;
        return Page();
    }
}
