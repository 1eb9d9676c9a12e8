using ProbationArchive.Core.Archive;
using ProbationArchive.Core.Parsing;

namespace ProbationArchive.Core.Import.Planning;

/// <summary>
/// The rules for one post or page of a Blogger export (<see cref="ImportPlanner.PlanExportPost"/>):
/// the export's copy of the post wins (title, body, time, address, kind, draft, author), labels are
/// added to those it has, a saved page's comment count is kept, and the thread is merged with
/// what saved pages gave (<see cref="ThreadMerger"/>).
/// </summary>
internal sealed class ExportPostPlanner(StoredPage stored, IReadOnlyList<LabelRow> labels, PermalinkChooser addresses)
{
    public PostPlan Plan(ParsedPost post, LinkRow link, StoredPost? match)
    {
        var export = post.Blogger!;
        var wanted = PostIdentity.WantedPermalink(post);
        var permalink = addresses.Choose(wanted, match?.Id);
        var row = new PostRow(
            PostIdentity.ExportKeyFor(post), post.Title, post.TitleIsDerived, post.Date, wanted[(wanted.LastIndexOf('/') + 1)..], permalink,
            post.Body, match?.Row.DeclaredCommentCount)
        {
            Kind = export.Kind,
            IsDraft = export.IsDraft,
            BloggerId = export.Id,
            PublishedAt = export.PublishedAt,
            BodyFormat = TextFormat.Html,
            SearchText = export.SearchText,
            AuthorName = export.AuthorName,
            AuthorUri = export.AuthorUri,
        };
        var thread = ThreadMerger.ExportOverStored(post.Comments, match is null ? [] : stored.Threads.GetValueOrDefault(match.Id) ?? []);
        var addLabels = Enumerable.Range(0, labels.Count).Where(i => match is null || labels[i].Id is not { } id || !match.LabelIds.Contains(id)).ToList();
        if (match is null)
        {
            return new PostPlan(null, PostChange.New, row, addLabels, link, thread.Comments.Count == 0 ? null : thread);
        }

        var rowChanged = row != match.Row;
        var threadChanged = thread.ChangesAnything;
        var change = rowChanged || threadChanged || addLabels.Count > 0 ? PostChange.Updated : PostChange.Unchanged;
        return new PostPlan(match.Id, change, rowChanged ? row : null, addLabels, link, threadChanged ? thread : null);
    }
}
