using ProbationArchive.Core.Parsing;

namespace ProbationArchive.Core.Import.Planning;

/// <summary>The rules for one post of a saved page, new or stored (<see cref="ImportPlanner"/>).</summary>
/// <param name="pageLabel">The label page's label (index 0 of the plan's labels); null on other pages.</param>
internal sealed class PostPlanner(ParsedPage page, LabelRow? pageLabel, StoredPage stored, PermalinkChooser addresses)
{
    private static readonly int[] PageLabel = [0];

    private bool IsLabelPage => page.Kind == PageKind.LabelPage;

    public PostPlan New(ImportPlanner.Mention mention)
    {
        var parsed = mention.Post;
        var slug = PostIdentity.SlugFor(parsed.Title);
        var row = new PostRow(
            mention.Key, parsed.Title, parsed.TitleIsDerived, parsed.Date, slug,
            addresses.Choose(PostIdentity.PermalinkFor(parsed.Date, slug), owner: null),
            parsed.Body,
            IsLabelPage ? null : parsed.DeclaredCommentCount);
        var thread = IsLabelPage || parsed.Comments.Count == 0 ? null : ThreadPlanner.Plan([], parsed.Comments);
        return new PostPlan(null, PostChange.New, row, pageLabel is null ? [] : PageLabel, new LinkRow(mention.Position, parsed.Line, IsStored: false), thread);
    }

    public PostPlan Stored(ImportPlanner.Mention mention, StoredPost post)
    {
        var parsed = mention.Post;
        var row = post.Row;
        ThreadPlan? thread = null;
        if (post.IsFromExport)
        {
            // An export's copy wins: the page adds only the comments the export lacked.
            thread = IsLabelPage ? null : ThreadMerger.SavedPageOverExport(parsed.Comments, stored.Threads.GetValueOrDefault(post.Id) ?? []);
        }
        else
        {
            // A post's own page is a better copy than a label page's excerpt of it.
            if (!IsLabelPage || !post.OwnPageElsewhere)
            {
                row = WithContent(row, mention, post.Id);
            }

            if (!IsLabelPage)
            {
                row = row with { DeclaredCommentCount = parsed.DeclaredCommentCount };
                thread = ThreadPlanner.Plan(stored.Threads.GetValueOrDefault(post.Id) ?? [], parsed.Comments);
            }
        }

        if (thread is { ChangesAnything: false })
        {
            thread = null;
        }

        var rowChanged = row != post.Row;
        var addLabel = pageLabel is not null && (pageLabel.Id is not { } labelId || !post.LabelIds.Contains(labelId));
        var change = rowChanged || addLabel || thread is not null ? PostChange.Updated : PostChange.Unchanged;
        var isLinked = stored.File?.Links.Any(l => l.PostId == post.Id) ?? false;
        return new PostPlan(post.Id, change, rowChanged ? row : null, addLabel ? PageLabel : [], new LinkRow(mention.Position, parsed.Line, isLinked), thread);
    }

    private PostRow WithContent(PostRow row, ImportPlanner.Mention mention, int owner)
    {
        var parsed = mention.Post;
        var addressChanged = row.Title != parsed.Title || row.PublishedOn != parsed.Date;
        var updated = row with
        {
            IdentityKey = mention.Key,
            Title = parsed.Title,
            TitleIsDerived = parsed.TitleIsDerived,
            PublishedOn = parsed.Date,
            Body = parsed.Body,
        };
        if (!addressChanged)
        {
            return updated;
        }

        var slug = PostIdentity.SlugFor(parsed.Title);
        return updated with { Slug = slug, Permalink = addresses.Choose(PostIdentity.PermalinkFor(parsed.Date, slug), owner) };
    }
}
