using Microsoft.EntityFrameworkCore;
using ProbationArchive.Core.Archive;
using ProbationArchive.Core.Data;
using ProbationArchive.Core.Parsing;

namespace ProbationArchive.Core.Import;

/// <summary>
/// Stores a page from a file never imported before, none of whose posts the archive holds yet:
/// every row is new and nothing merges, so the rows are inserted directly (<see cref="RowInserter{T}"/>)
/// instead of through change tracking. That is nearly every file of a first import; any other page
/// goes through <see cref="PageWriter"/>, and the two store the same rows (tests check it).
/// </summary>
internal sealed class NewPageWriter(ArchiveDbContext db, NewThreadWriter newThreads) : IAsyncDisposable
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

    /// <summary>True when no post of the page is stored yet and no post appears on it twice.</summary>
    public async Task<bool> CanWriteAsync(IReadOnlyList<string> keys, CancellationToken cancellationToken) => keys switch
    {
        // Most pages hold one post: a compiled query skips EF's per-call query preparation.
        [var key] => !await IsPostStored(db, key, cancellationToken),
        _ => keys.Distinct(StringComparer.Ordinal).Count() == keys.Count && !await db.Posts.AnyAsync(p => keys.Contains(p.IdentityKey), cancellationToken),
    };

    /// <param name="source">Filled in but not stored; gets its id here.</param>
    public async Task WriteAsync(SourceFile source, ParsedPage page, IReadOnlyList<string> keys, CancellationToken cancellationToken)
    {
        await _sources.InsertAsync(source, cancellationToken);
        foreach (var diagnostic in source.Diagnostics)
        {
            diagnostic.SourceFileId = source.Id;
            await _diagnostics.InsertAsync(diagnostic, cancellationToken);
        }

        var label = page.Label is null ? null : await FindOrAddLabelAsync(page.Label, cancellationToken);
        var permalinks = new HashSet<string>(StringComparer.Ordinal);
        for (var position = 0; position < page.Posts.Count; position++)
        {
            var parsed = page.Posts[position];
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
            await _postSources.InsertAsync(new PostSource { PostId = post.Id, SourceFileId = source.Id, PositionInFile = position, Line = parsed.Line }, cancellationToken);
            if (label is not null)
            {
                await _postLabels.InsertAsync(new PostLabel { PostId = post.Id, LabelId = label.Id }, cancellationToken);
            }

            if (page.Kind != PageKind.LabelPage && parsed.Comments.Count > 0)
            {
                CommentSynchroniser.Apply(post, parsed.Comments, [], _ => { });
                newThreads.Take(post);
            }
        }

        await newThreads.WriteAsync(cancellationToken);
    }

    /// <summary>The same rule as <see cref="PageWriter"/>: the address wanted, else the first free "-2", "-3"….</summary>
    private async Task<string> UniquePermalinkAsync(string wanted, HashSet<string> onThisPage, CancellationToken cancellationToken)
    {
        var candidate = wanted;
        for (var n = 2; onThisPage.Contains(candidate) || await IsPermalinkTaken(db, candidate, cancellationToken); n++)
        {
            candidate = $"{wanted}-{n}";
        }

        onThisPage.Add(candidate);
        return candidate;
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
