using Microsoft.EntityFrameworkCore;
using ProbationArchive.Core.Archive;

namespace ProbationArchive.Web.Reading;

/// <summary>
/// The posts either side of one post in the archive's order (<see cref="PostLists.NewestFirst"/>):
/// one small keyset query each, so the cost does not grow with the archive.
/// </summary>
public static class PostNeighbours
{
    public static Task<PostLink?> NewerAsync(IQueryable<Post> posts, int id, DateOnly? date, CancellationToken cancellationToken)
    {
        if (date is { } d)
        {
            return FirstAsync(posts.Where(p => p.PublishedOn > d || (p.PublishedOn == d && p.Id > id)).OrderBy(p => p.PublishedOn).ThenBy(p => p.Id), cancellationToken);
        }

        // Undated posts come last, so the next undated one is newer, and after the last of them the
        // oldest dated post. Two index lookups in one statement: a single ORDER BY over both would
        // sort every post (QueryPlanTests).
        var nextUndated = posts.Where(p => p.PublishedOn == null && p.Id > id).OrderBy(p => p.Id)
            .Select(p => new { Rank = 0, p.Title, p.Permalink }).Take(1);
        var oldestDated = posts.Where(p => p.PublishedOn != null).OrderBy(p => p.PublishedOn).ThenBy(p => p.Id)
            .Select(p => new { Rank = 1, p.Title, p.Permalink }).Take(1);
        return nextUndated.Concat(oldestDated).OrderBy(p => p.Rank)
            .Select(p => new PostLink(p.Title, p.Permalink)).FirstOrDefaultAsync(cancellationToken)!;
    }

    public static Task<PostLink?> OlderAsync(IQueryable<Post> posts, int id, DateOnly? date, CancellationToken cancellationToken)
    {
        var candidates = date is { } d
            ? posts.Where(p => p.PublishedOn < d || (p.PublishedOn == d && p.Id < id) || p.PublishedOn == null)
            : posts.Where(p => p.PublishedOn == null && p.Id < id);
        return FirstAsync(PostLists.NewestFirst(candidates), cancellationToken);
    }

    private static Task<PostLink?> FirstAsync(IQueryable<Post> ordered, CancellationToken cancellationToken) =>
        ordered.AsNoTracking().Select(p => new PostLink(p.Title, p.Permalink)).FirstOrDefaultAsync(cancellationToken);
}
