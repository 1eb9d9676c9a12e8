using Microsoft.EntityFrameworkCore;
using ProbationArchive.Core.Archive;

namespace ProbationArchive.Web.Reading;

/// <summary>
/// The posts either side of one post in the archive's order (<see cref="PostLists.NewestFirst"/>).
/// Each is one statement of a few index lookups in order of preference (the same date first, then
/// the next date, then the undated posts), each taking one row: a single condition with OR over
/// them made SQLite gather and sort every older post of the archive (about 25 ms a render on the
/// default corpus).
/// </summary>
public static class PostNeighbours
{
    public static Task<PostLink?> NewerAsync(IQueryable<Post> posts, int id, DateOnly? date, CancellationToken cancellationToken)
    {
        if (date is { } d)
        {
            return FirstOfAsync(
                posts.Where(p => p.PublishedOn == d && p.Id > id).OrderBy(p => p.Id),
                posts.Where(p => p.PublishedOn > d).OrderBy(p => p.PublishedOn).ThenBy(p => p.Id),
                cancellationToken);
        }

        // Undated posts come last, so the next undated one is newer, and after the last of them the oldest dated post.
        return FirstOfAsync(
            posts.Where(p => p.PublishedOn == null && p.Id > id).OrderBy(p => p.Id),
            posts.Where(p => p.PublishedOn != null).OrderBy(p => p.PublishedOn).ThenBy(p => p.Id),
            cancellationToken);
    }

    public static Task<PostLink?> OlderAsync(IQueryable<Post> posts, int id, DateOnly? date, CancellationToken cancellationToken)
    {
        if (date is { } d)
        {
            return FirstOfAsync(
                posts.Where(p => p.PublishedOn == d && p.Id < id).OrderByDescending(p => p.Id),
                posts.Where(p => p.PublishedOn < d).OrderByDescending(p => p.PublishedOn).ThenByDescending(p => p.Id),
                cancellationToken,
                posts.Where(p => p.PublishedOn == null).OrderByDescending(p => p.Id));
        }

        return FirstOfAsync(posts.Where(p => p.PublishedOn == null && p.Id < id).OrderByDescending(p => p.Id), null, cancellationToken);
    }

    /// <summary>The first row of the first candidate list that has one, in one statement (UNION ALL of one-row lookups).</summary>
    private static Task<PostLink?> FirstOfAsync(
        IOrderedQueryable<Post> first, IOrderedQueryable<Post>? second, CancellationToken cancellationToken, IOrderedQueryable<Post>? third = null)
    {
        var candidates = first.AsNoTracking().Select(p => new { Rank = 0, p.Title, p.Permalink }).Take(1);
        if (second is not null)
        {
            candidates = candidates.Concat(second.AsNoTracking().Select(p => new { Rank = 1, p.Title, p.Permalink }).Take(1));
        }

        if (third is not null)
        {
            candidates = candidates.Concat(third.AsNoTracking().Select(p => new { Rank = 2, p.Title, p.Permalink }).Take(1));
        }

        return candidates.OrderBy(p => p.Rank).Select(p => new PostLink(p.Title, p.Permalink)).FirstOrDefaultAsync(cancellationToken)!;
    }
}
