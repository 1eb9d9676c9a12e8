using Microsoft.EntityFrameworkCore;
using ProbationArchive.Core.Archive;
using ProbationArchive.Core.Data;
using ProbationArchive.Core.Parsing;
using ProbationArchive.Core.Search;

namespace ProbationArchive.Core.Import;

/// <summary>
/// Stores a page from a file never imported before when nothing on it needs merging: its posts
/// are new, or (on a label page) already stored with their own page, which wins over the label
/// page's copy, so only the links to the file and the label are added. The rows are inserted
/// directly (<see cref="RowInserter{T}"/>) instead of through change tracking. That is nearly
/// every file of a first import; any other page goes through <see cref="PageWriter"/>, and the
/// two store the same rows (DirectInsertTests).
/// </summary>
internal sealed class DirectPageWriter(ArchiveDbContext db, NewThreadWriter newThreads) : IAsyncDisposable
{
    private static readonly Func<ArchiveDbContext, string, CancellationToken, Task<bool>> IsPermalinkTaken =
        EF.CompileAsyncQuery((ArchiveDbContext db, string permalink, CancellationToken _) => db.Posts.Any(p => p.Permalink == permalink));

    private static readonly Func<ArchiveDbContext, string, CancellationToken, Task<bool>> IsPostStored =
        EF.CompileAsyncQuery((ArchiveDbContext db, string key, CancellationToken _) => db.Posts.Any(p => p.IdentityKey == key));

    private static readonly Func<ArchiveDbContext, string, CancellationToken, Task<Label?>> FindLabel =
        EF.CompileAsyncQuery((ArchiveDbContext db, string name, CancellationToken _) => db.Labels.AsNoTracking().FirstOrDefault(l => l.Name == name));

    private readonly RowInserter<SourceFile> _sources = new(db);
    private readonly RowInserter<ImportDiagnostic> _diagnostics = new(db);
    private readonly RowInserter<Post> _posts = new(db);
    private readonly RowInserter<PostSource> _postSources = new(db);
    private readonly RowInserter<Label> _labels = new(db);
    private readonly RowInserter<PostLabel> _postLabels = new(db);
    private readonly List<SearchEntryRow> _searchEntries = [];

    /// <summary>The search index entries of the posts and comments the last <see cref="WriteAsync"/> inserted.</summary>
    public IReadOnlyList<SearchEntryRow> SearchEntries => _searchEntries;

    /// <summary>A post of the page the archive holds already.</summary>
    public sealed record StoredPost(int Id, bool HasOwnPage, bool HasLabel);

    /// <summary>
    /// The page's posts the archive holds, by identity key, when the page can be written directly;
    /// null when it needs <see cref="PageWriter"/>: a post appears on it twice, or a stored post
    /// would have to merge.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, StoredPost>?> PlanAsync(ParsedPage page, IReadOnlyList<string> keys, CancellationToken cancellationToken)
    {
        if (keys.Distinct(StringComparer.Ordinal).Count() != keys.Count)
        {
            return null;
        }

        if (page.Kind != PageKind.LabelPage && keys is [var key])
        {
            // Most pages hold one post: a compiled query skips EF's per-call query preparation.
            return await IsPostStored(db, key, cancellationToken) ? null : NothingStored;
        }

        var labelId = page.Label is null ? null : (await FindLabel(db, page.Label, cancellationToken))?.Id;
        var stored = await db.Posts
            .Where(p => keys.Contains(p.IdentityKey))
            .Select(p => new
            {
                p.IdentityKey,
                OwnPage = p.Sources.Any(s => s.SourceFile.PageKind != PageKind.LabelPage),
                p.Id,
                HasLabel = p.Labels.Any(l => l.Id == labelId),
                p.Title,
                p.TitleIsDerived,
                p.PublishedOn,
            })
            .ToListAsync(cancellationToken);
        if (stored.Count == 0)
        {
            return NothingStored;
        }

        if (page.Kind != PageKind.LabelPage)
        {
            return null;
        }

        // A post only label pages carry takes this page's copy if it differs: that is a merge.
        var labelOnly = stored.Where(p => !p.OwnPage).Select(p => p.Id).ToList();
        var bodies = labelOnly.Count == 0
            ? []
            : await db.Posts.Where(p => labelOnly.Contains(p.Id)).Select(p => new { p.Id, p.Body }).ToDictionaryAsync(p => p.Id, p => p.Body, cancellationToken);
        var byKey = stored.ToDictionary(p => p.IdentityKey, StringComparer.Ordinal);
        for (var position = 0; position < page.Posts.Count; position++)
        {
            var parsed = page.Posts[position];
            if (byKey.TryGetValue(keys[position], out var post) && !post.OwnPage
                && (post.Title != parsed.Title || post.TitleIsDerived != parsed.TitleIsDerived || post.PublishedOn != parsed.Date || bodies[post.Id] != parsed.Body))
            {
                return null;
            }
        }

        return byKey.ToDictionary(p => p.Key, p => new StoredPost(p.Value.Id, p.Value.OwnPage, p.Value.HasLabel), StringComparer.Ordinal);
    }

    private static readonly IReadOnlyDictionary<string, StoredPost> NothingStored = new Dictionary<string, StoredPost>();

    /// <param name="source">Filled in but not stored; gets its id here.</param>
    /// <param name="stored">What <see cref="PlanAsync"/> returned.</param>
    public async Task<PageWriter.Counts> WriteAsync(SourceFile source, ParsedPage page, IReadOnlyList<string> keys, IReadOnlyDictionary<string, StoredPost> stored, CancellationToken cancellationToken)
    {
        _searchEntries.Clear();
        var threads = new List<(Post Post, IReadOnlyList<Comment> Comments)>();
        await _sources.InsertAsync(source, cancellationToken);
        foreach (var diagnostic in source.Diagnostics)
        {
            diagnostic.SourceFileId = source.Id;
            await _diagnostics.InsertAsync(diagnostic, cancellationToken);
        }

        var label = page.Label is null ? null : await FindOrAddLabelAsync(page.Label, cancellationToken);
        var permalinks = new HashSet<string>(StringComparer.Ordinal);
        int updated = 0, unchanged = 0;
        for (var position = 0; position < page.Posts.Count; position++)
        {
            var parsed = page.Posts[position];
            if (stored.TryGetValue(keys[position], out var existing))
            {
                await _postSources.InsertAsync(new PostSource { PostId = existing.Id, SourceFileId = source.Id, PositionInFile = position, Line = parsed.Line }, cancellationToken);
                if (label is not null && !existing.HasLabel)
                {
                    await _postLabels.InsertAsync(new PostLabel { PostId = existing.Id, LabelId = label.Id }, cancellationToken);
                    updated++;
                }
                else
                {
                    unchanged++;
                }

                continue;
            }

            var post = new Post
            {
                IdentityKey = keys[position],
                Title = parsed.Title,
                TitleIsDerived = parsed.TitleIsDerived,
                PublishedOn = parsed.Date,
                Body = parsed.Body,
                Slug = PostIdentity.SlugFor(parsed.Title),
                Permalink = "",
                DeclaredCommentCount = page.Kind == PageKind.LabelPage ? null : parsed.DeclaredCommentCount,
            };
            post.Permalink = await UniquePermalinkAsync(PostIdentity.PermalinkFor(post.PublishedOn, post.Slug), permalinks, cancellationToken);
            await _posts.InsertAsync(post, cancellationToken);
            _searchEntries.Add(new SearchEntryRow(-post.Id, post.Title, post.Body, post.Id, null));
            await _postSources.InsertAsync(new PostSource { PostId = post.Id, SourceFileId = source.Id, PositionInFile = position, Line = parsed.Line }, cancellationToken);
            if (label is not null)
            {
                await _postLabels.InsertAsync(new PostLabel { PostId = post.Id, LabelId = label.Id }, cancellationToken);
            }

            if (page.Kind != PageKind.LabelPage && parsed.Comments.Count > 0)
            {
                CommentSynchroniser.Apply(post, parsed.Comments, [], _ => { });
                threads.Add((post, newThreads.Take(post)));
            }
        }

        await newThreads.WriteAsync(cancellationToken);
        foreach (var (post, comments) in threads)
        {
            _searchEntries.AddRange(comments.Select(c => new SearchEntryRow(c.Id, "", c.Text, post.Id, c.Id)));
        }

        return new PageWriter.Counts(page.Posts.Count - updated - unchanged, updated, unchanged);
    }

    /// <summary>The rule of <see cref="PostIdentity.UniquePermalinkAsync"/>, counting the posts this page stored already.</summary>
    private async Task<string> UniquePermalinkAsync(string wanted, HashSet<string> onThisPage, CancellationToken cancellationToken)
    {
        var permalink = await PostIdentity.UniquePermalinkAsync(
            wanted, async candidate => onThisPage.Contains(candidate) || await IsPermalinkTaken(db, candidate, cancellationToken));
        onThisPage.Add(permalink);
        return permalink;
    }

    private async Task<Label> FindOrAddLabelAsync(string name, CancellationToken cancellationToken)
    {
        if (await FindLabel(db, name, cancellationToken) is { } stored)
        {
            return stored;
        }

        var label = new Label { Name = name };
        await _labels.InsertAsync(label, cancellationToken);
        return label;
    }

    public async ValueTask DisposeAsync()
    {
        await _sources.DisposeAsync();
        await _diagnostics.DisposeAsync();
        await _posts.DisposeAsync();
        await _postSources.DisposeAsync();
        await _labels.DisposeAsync();
        await _postLabels.DisposeAsync();
    }
}
