using Microsoft.EntityFrameworkCore;
using ProbationArchive.Core.Archive;
using ProbationArchive.Core.Data;
using ProbationArchive.Core.Parsing;

namespace ProbationArchive.Core.Import;

/// <summary>
/// Merges one parsed page into the archive inside the caller's transaction: finds each post by
/// identity (or, for a re-imported file, by its place in the file), updates it in place, unions
/// labels, and replaces comments only from pages that carry them.
/// </summary>
internal sealed class PageWriter(ArchiveDbContext db, NewThreadWriter newThreads)
{
    public sealed record Counts(int New, int Updated, int Unchanged);

    /// <summary>Writes the comments of posts that had none; call after SaveChanges, in the same transaction.</summary>
    public Task WriteNewThreadsAsync(CancellationToken cancellationToken) => newThreads.WriteAsync(cancellationToken);

    public async Task<Counts> WriteAsync(SourceFile source, ParsedPage page, string? previousLabel, CancellationToken cancellationToken)
    {
        var keys = page.Posts.Select(PostIdentity.KeyFor).ToList();
        var byKey = await PostsWithSources()
            .Where(p => keys.Contains(p.IdentityKey))
            .ToDictionaryAsync(p => p.IdentityKey, StringComparer.Ordinal, cancellationToken);
        var previousByPosition = source.Posts.ToDictionary(s => s.PositionInFile, s => s.PostId);
        var label = page.Label is null ? null : await FindOrAddLabelAsync(page.Label, cancellationToken);
        var linked = new HashSet<int>();
        int added = 0, updated = 0, unchanged = 0;

        for (var position = 0; position < page.Posts.Count; position++)
        {
            var parsed = page.Posts[position];
            var key = keys[position];
            var post = byKey.GetValueOrDefault(key) ?? await FindMovedPostAsync(previousByPosition, position, byKey, cancellationToken);
            var isNew = post is null;
            bool changed;
            if (post is null)
            {
                post = new Post { IdentityKey = key, Title = "", Slug = "", Permalink = "", Body = "" };
                db.Posts.Add(post);
                await ApplyContentAsync(post, parsed, key, cancellationToken);
                changed = true;
            }
            else
            {
                // A post's own page is a better copy than a label page's excerpt of it.
                var ownPageElsewhere = post.Sources.Any(s => s.SourceFileId != source.Id && s.SourceFile.PageKind != PageKind.LabelPage);
                changed = (page.Kind != PageKind.LabelPage || !ownPageElsewhere) && await ApplyContentAsync(post, parsed, key, cancellationToken);
            }

            byKey[key] = post;
            if (label is not null && !post.Labels.Contains(label))
            {
                post.Labels.Add(label);
                changed = true;
            }

            if (page.Kind != PageKind.LabelPage)
            {
                changed |= await ApplyCommentsAsync(post, parsed, isNew, cancellationToken);
            }

            Link(post, source, position, parsed.Line);
            if (post.Id != 0)
            {
                linked.Add(post.Id);
            }

            if (isNew) { added++; } else if (changed) { updated++; } else { unchanged++; }
        }

        await UnlinkDroppedPostsAsync(source, linked, previousLabel, cancellationToken);
        return new Counts(added, updated, unchanged);
    }

    private IQueryable<Post> PostsWithSources() =>
        db.Posts.Include(p => p.Labels).Include(p => p.Sources).ThenInclude(s => s.SourceFile).AsSplitQuery();

    /// <summary>A changed file's post whose title or date was edited: same place in the same file.</summary>
    private async Task<Post?> FindMovedPostAsync(Dictionary<int, int> previousByPosition, int position, Dictionary<string, Post> byKey, CancellationToken cancellationToken)
    {
        if (!previousByPosition.TryGetValue(position, out var postId) || byKey.Values.Any(p => p.Id == postId))
        {
            return null;
        }

        return await PostsWithSources().SingleOrDefaultAsync(p => p.Id == postId, cancellationToken);
    }

    private async Task<bool> ApplyContentAsync(Post post, ParsedPost parsed, string key, CancellationToken cancellationToken)
    {
        var addressChanged = post.Permalink.Length == 0 || post.Title != parsed.Title || post.PublishedOn != parsed.Date;
        var changed = addressChanged || post.Body != parsed.Body || post.TitleIsDerived != parsed.TitleIsDerived || post.IdentityKey != key;
        post.IdentityKey = key;
        post.Title = parsed.Title;
        post.TitleIsDerived = parsed.TitleIsDerived;
        post.PublishedOn = parsed.Date;
        post.Body = parsed.Body;
        if (addressChanged)
        {
            post.Slug = PostIdentity.SlugFor(parsed.Title);
            post.Permalink = await UniquePermalinkAsync(post, cancellationToken);
        }

        return changed;
    }

    private Task<string> UniquePermalinkAsync(Post post, CancellationToken cancellationToken)
    {
        return PostIdentity.UniquePermalinkAsync(PostIdentity.PermalinkFor(post.PublishedOn, post.Slug), IsTakenAsync);

        async Task<bool> IsTakenAsync(string permalink) =>
            db.Posts.Local.Any(p => !ReferenceEquals(p, post) && p.Permalink == permalink)
            || await db.Posts.AnyAsync(p => p.Permalink == permalink && p.Id != post.Id, cancellationToken);
    }

    private async Task<bool> ApplyCommentsAsync(Post post, ParsedPost parsed, bool isNew, CancellationToken cancellationToken)
    {
        var stored = isNew ? [] : await db.Comments.Where(c => c.PostId == post.Id).ToListAsync(cancellationToken);
        var changed = CommentSynchroniser.Apply(post, parsed.Comments, stored, c => db.Comments.Remove(c));
        if (stored.Count == 0 && post.Comments.Count > 0)
        {
            newThreads.Take(post);
        }

        if (post.DeclaredCommentCount != parsed.DeclaredCommentCount)
        {
            post.DeclaredCommentCount = parsed.DeclaredCommentCount;
            changed = true;
        }

        return changed;
    }

    private static void Link(Post post, SourceFile source, int position, int line)
    {
        var link = post.Sources.FirstOrDefault(s => ReferenceEquals(s.SourceFile, source) || (source.Id != 0 && s.SourceFileId == source.Id));
        if (link is null)
        {
            post.Sources.Add(new PostSource { Post = post, SourceFile = source, PositionInFile = position, Line = line });
            return;
        }

        link.PositionInFile = position;
        link.Line = line;
    }

    private async Task<Label> FindOrAddLabelAsync(string name, CancellationToken cancellationToken)
    {
        var label = db.Labels.Local.FirstOrDefault(l => string.Equals(l.Name, name, StringComparison.OrdinalIgnoreCase))
            ?? await db.Labels.SingleOrDefaultAsync(l => l.Name == name, cancellationToken);
        if (label is null)
        {
            label = new Label { Name = name };
            db.Labels.Add(label);
        }

        return label;
    }

    /// <summary>Posts a changed file no longer holds lose their link to it, and the label only it gave them.</summary>
    private async Task UnlinkDroppedPostsAsync(SourceFile source, HashSet<int> linked, string? previousLabel, CancellationToken cancellationToken)
    {
        foreach (var dropped in source.Posts.Where(s => s.PostId != 0 && !linked.Contains(s.PostId)).ToList())
        {
            db.PostSources.Remove(dropped);
            if (previousLabel is null)
            {
                continue;
            }

            var stillLabelled = await db.PostSources.AnyAsync(
                s => s.PostId == dropped.PostId && s.SourceFileId != source.Id && EF.Functions.Collate(s.SourceFile.Label, "NOCASE") == previousLabel,
                cancellationToken);
            if (!stillLabelled)
            {
                await db.PostLabels
                    .Where(pl => pl.PostId == dropped.PostId && db.Labels.Any(l => l.Id == pl.LabelId && l.Name == previousLabel))
                    .ExecuteDeleteAsync(cancellationToken);
            }
        }
    }
}
