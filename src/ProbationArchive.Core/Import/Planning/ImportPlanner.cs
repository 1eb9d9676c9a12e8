using ProbationArchive.Core.Archive;
using ProbationArchive.Core.Parsing;

namespace ProbationArchive.Core.Import.Planning;

/// <summary>
/// Decides what a page changes in the archive, from the page and what the archive already holds
/// of it. Pure: no database, no files, no clock. Every merge rule of docs/import.md is here once:
/// <list type="bullet">
/// <item>a post is found by its identity (<see cref="PostIdentity.KeyFor"/>), or, in a file
/// imported before, by its place in that file when its title or date was corrected; an export's
/// post first by its Blogger id;</item>
/// <item>a Blogger export's copy of a post wins over any saved page's; among saved pages, a post's
/// own page writes its title, date and body, and a label page (an excerpt) only for a post no own
/// page holds;</item>
/// <item>pages with comments replace the post's thread (<see cref="ThreadPlanner"/>), label pages
/// never touch comments, and an export's thread is merged with saved pages' (<see cref="ThreadMerger"/>);</item>
/// <item>labels are the union of the label pages and exports naming the post; a label page that no
/// longer holds a post takes back the label only it gave;</item>
/// <item>a post keeps its address until its title or date changes, and two posts never share one
/// (<see cref="PermalinkChooser"/>);</item>
/// <item>a post named twice on one page is one post, as its last mention has it.</item>
/// </list>
/// </summary>
public static class ImportPlanner
{
    public static PagePlan Plan(PageImport import, StoredPage stored)
    {
        ArgumentNullException.ThrowIfNull(import);
        ArgumentNullException.ThrowIfNull(stored);
        var page = import.Page;
        var warnings = page.Warnings.ToList();
        var labels = LabelsFor(page.Label is null ? [] : [page.Label], stored);

        var mentions = Mentions(page);
        var byKey = stored.Posts.ToDictionary(p => p.Row.IdentityKey, StringComparer.Ordinal);
        var byId = stored.Posts.ToDictionary(p => p.Id);
        var named = mentions.Where(m => byKey.ContainsKey(m.Key)).Select(m => byKey[m.Key].Id).ToHashSet();
        var heldBefore = stored.File?.Links.ToDictionary(l => l.Position, l => l.PostId) ?? [];
        var planner = new PostPlanner(page, labels.FirstOrDefault(), stored, new PermalinkChooser(stored.TakenPermalinks));

        var posts = new List<PostPlan>(mentions.Count);
        var kept = new HashSet<int>();
        foreach (var mention in mentions)
        {
            var post = byKey.GetValueOrDefault(mention.Key) ?? Moved(mention.Position);
            posts.Add(post is null ? planner.New(mention) : planner.Stored(mention, post));
            if (post is not null)
            {
                kept.Add(post.Id);
            }
        }

        return new PagePlan(FileRow(import, stored, warnings), warnings, new PostsPlan(labels, posts), Removals(stored, kept));

        // A post this file held at the same place, that no mention on the page names by identity.
        StoredPost? Moved(int position) =>
            heldBefore.TryGetValue(position, out var id) && !named.Contains(id) && !kept.Contains(id) ? byId.GetValueOrDefault(id) : null;
    }

    /// <summary>One post or page of a Blogger export, with its comments, written under the export's file (<see cref="PlanExportFile"/>).</summary>
    /// <param name="position">Its place among the export's posts and pages.</param>
    public static PostsPlan PlanExportPost(ParsedPost post, int position, StoredPage stored)
    {
        ArgumentNullException.ThrowIfNull(post);
        ArgumentNullException.ThrowIfNull(stored);
        var export = post.Blogger ?? throw new ArgumentException("An export's post carries its Blogger details.", nameof(post));
        var labels = LabelsFor(export.Labels, stored);
        var match = stored.Posts.FirstOrDefault(p => p.Row.BloggerId == export.Id)
            ?? stored.Posts.FirstOrDefault(p => p.Row.IdentityKey == PostIdentity.ExportKeyFor(post));
        var planner = new ExportPostPlanner(stored, labels, new PermalinkChooser(stored.TakenPermalinks));
        var isLinked = match is not null && (stored.File?.Links.Any(l => l.PostId == match.Id) ?? false);
        return new PostsPlan(labels, [planner.Plan(post, new LinkRow(position, post.Line, isLinked), match)]);
    }

    /// <summary>The export's own file record, and the posts its last import held that it no longer does.</summary>
    public static PagePlan PlanExportFile(string path, string contentHash, DateTime importedAtUtc, IReadOnlyList<Diagnostic> warnings, StoredSourceFile? stored, IReadOnlySet<int> held)
    {
        ArgumentNullException.ThrowIfNull(warnings);
        ArgumentNullException.ThrowIfNull(held);
        var file = new SourceFileRow(
            stored?.Id, path, contentHash, importedAtUtc,
            warnings.Count == 0 ? ImportOutcome.Imported : ImportOutcome.ImportedWithWarnings, PageKind.BloggerExport, null);
        var storedPage = StoredPage.Nothing with { File = stored };
        return new PagePlan(file, warnings, new PostsPlan([], []), Removals(storedPage, held));
    }

    private static SourceFileRow FileRow(PageImport import, StoredPage stored, List<Diagnostic> warnings) =>
        new(stored.File?.Id, import.Path, import.ContentHash, import.ImportedAtUtc,
            warnings.Count == 0 ? ImportOutcome.Imported : ImportOutcome.ImportedWithWarnings, import.Page.Kind, import.Page.Label);

    private static List<LinkRemoval> Removals(StoredPage stored, IReadOnlySet<int> kept) =>
        stored.File?.Links
            .Where(l => !kept.Contains(l.PostId))
            .Select(l => new LinkRemoval(l.PostId, l.LabelledElsewhere ? null : stored.File.LabelId))
            .ToList() ?? [];

    /// <summary>Each name once, as the archive already spells it when it holds the label (names are compared case-insensitively).</summary>
    private static List<LabelRow> LabelsFor(IEnumerable<string> names, StoredPage stored) =>
    [
        .. names.Distinct(StringComparer.OrdinalIgnoreCase).Select(name =>
            stored.Labels.FirstOrDefault(l => string.Equals(l.Name, name, StringComparison.OrdinalIgnoreCase)) is { } label
                ? new LabelRow(label.Id, label.Name)
                : new LabelRow(null, name)),
    ];

    /// <summary>One mention a post: the last, in the order posts first appear on the page.</summary>
    private static List<Mention> Mentions(ParsedPage page)
    {
        var mentions = new List<Mention>(page.Posts.Count);
        var indexByKey = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var position = 0; position < page.Posts.Count; position++)
        {
            var mention = new Mention(page.Posts[position], position, PostIdentity.KeyFor(page.Posts[position]));
            if (indexByKey.TryGetValue(mention.Key, out var earlier))
            {
                mentions[earlier] = mention;
            }
            else
            {
                indexByKey[mention.Key] = mentions.Count;
                mentions.Add(mention);
            }
        }

        return mentions;
    }

    internal sealed record Mention(ParsedPost Post, int Position, string Key);
}
