using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ProbationArchive.Core.Data;

namespace ProbationArchive.Web.Pages;

public sealed class IndexModel(ArchiveDbContext db) : PageModel
{
    public sealed record PostSummary(string Title, string Permalink);

    public IReadOnlyList<PostSummary> Posts { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Posts = await db.Posts.AsNoTracking()
            .OrderByDescending(p => p.PublishedOn)
            .Select(p => new PostSummary(p.Title, p.Permalink))
            .ToListAsync(cancellationToken);
}
