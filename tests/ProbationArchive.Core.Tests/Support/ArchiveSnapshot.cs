using Microsoft.EntityFrameworkCore;

namespace ProbationArchive.Core.Tests.Support;

/// <summary>Every stored row that matters, ids included, in a comparable form.</summary>
public sealed record ArchiveSnapshot(
    IReadOnlyList<string> Posts,
    IReadOnlyList<string> Comments,
    IReadOnlyList<string> PostLabels,
    IReadOnlyList<string> Sources)
{
    public static async Task<ArchiveSnapshot> TakeAsync(TestArchive archive)
    {
        await using var db = archive.OpenContext();
        var ct = TestContext.Current.CancellationToken;
        var posts = await db.Posts.OrderBy(p => p.Id)
            .Select(p => $"{p.Id}|{p.IdentityKey}|{p.Title}|{p.TitleIsDerived}|{p.PublishedOn}|{p.Permalink}|{p.DeclaredCommentCount}|{p.Body}")
            .ToListAsync(ct);
        var comments = await db.Comments.OrderBy(c => c.Id)
            .Select(c => $"{c.Id}|{c.PostId}|{c.ParentId}|{c.Position}|{c.ThreadPath}|{c.SourceLine}|{c.Text}")
            .ToListAsync(ct);
        var labels = await db.PostLabels.OrderBy(pl => pl.PostId).ThenBy(pl => pl.LabelId)
            .Select(pl => $"{pl.PostId}|{pl.LabelId}")
            .ToListAsync(ct);
        var sources = await db.SourceFiles.OrderBy(s => s.Id)
            .Select(s => $"{s.Id}|{s.Path}|{s.ContentHash}|{s.ImportedAtUtc:O}|{s.Outcome}")
            .ToListAsync(ct);
        return new ArchiveSnapshot(posts, comments, labels, sources);
    }

    public bool Equals(ArchiveSnapshot? other) =>
        other is not null && Posts.SequenceEqual(other.Posts) && Comments.SequenceEqual(other.Comments)
        && PostLabels.SequenceEqual(other.PostLabels) && Sources.SequenceEqual(other.Sources);

    public override int GetHashCode() => HashCode.Combine(Posts.Count, Comments.Count, PostLabels.Count, Sources.Count);
}
