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
        var candidates = date is { } d
            ? posts.Where(p => p.PublishedOn > d || (p.PublishedOn == d && p.Id > id))
                .OrderBy(p => p.PublishedOn).ThenBy(p => p.Id)
            // Undated posts come last, so every dated post is newer than an undated one.
            : posts.Where(p => p.PublishedOn != null || p.Id > id)
                .OrderBy(p => p.PublishedOn != null).ThenBy(p => p.PublishedOn).ThenBy(p => p.Id);
        return FirstAsync(candidates, cancellationToken);
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
