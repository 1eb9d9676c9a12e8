using Microsoft.EntityFrameworkCore;
using ProbationArchive.Core.Archive;
using ProbationArchive.Core.Parsing;
using ProbationArchive.Core.Rendering;

namespace ProbationArchive.Web.Reading;

/// <summary>The one query behind every list of posts: home, label and date archive pages.</summary>
public static class PostLists
{
    /// <summary>
    /// Newest first (undated posts last), two SQL commands whatever the page size: the posts with
    /// their comment counts, then their labels. Null when the page number is past the end.
    /// </summary>
    public static async Task<PostListPage?> LoadAsync(IQueryable<Post> posts, int pageNumber, int pageSize, CancellationToken cancellationToken)
    {
        if (pageNumber < 1 || pageNumber > int.MaxValue / pageSize)
        {
            return null;
        }

        // One extra row tells whether an older page exists, without a separate COUNT. The labels come
        // in a second statement (AsSplitQuery) joined to the page's posts by index: joined in one,
        // SQLite built the label list of every post in the archive first (QueryPlanTests).
        var rows = await NewestFirst(posts.AsNoTracking().AsSplitQuery())
            .Skip((pageNumber - 1) * pageSize)
            .Take(pageSize + 1)
            .Select(p => new
            {
                p.Title,
                p.TitleIsDerived,
                p.PublishedOn,
                p.Permalink,
                // An export's HTML body is excerpted from its text without markup.
                Opening = (p.SearchText ?? p.Body).Substring(0, Excerpt.SourceLength),
                CommentCount = p.Comments.Count,
                KnownOnlyFromLabelPages = p.Sources.Any() && p.Sources.All(s => s.SourceFile.PageKind == PageKind.LabelPage),
                Labels = p.Labels.OrderBy(l => l.Name).Select(l => l.Name).ToList(),
            })
            .ToListAsync(cancellationToken);

        if (rows.Count == 0 && pageNumber > 1)
        {
            return null;
        }

        var summaries = rows.Take(pageSize)
            .Select(r => new PostSummary(r.Title, r.TitleIsDerived, r.PublishedOn, r.Permalink, Excerpt.From(r.Opening), r.CommentCount, r.CommentCount == 0 && r.KnownOnlyFromLabelPages, r.Labels))
            .ToList();
        return new PostListPage(summaries, pageNumber, rows.Count > pageSize);
    }

    /// <summary>The archive's one order: by date, newest first, undated last; equal dates by import order.</summary>
    public static IOrderedQueryable<Post> NewestFirst(IQueryable<Post> posts) =>
        // SQLite sorts NULL lowest, so a descending sort puts undated posts after every dated one.
        posts.OrderByDescending(p => p.PublishedOn).ThenByDescending(p => p.Id);
}
