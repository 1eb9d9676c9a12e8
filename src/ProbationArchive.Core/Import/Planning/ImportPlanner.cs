using ProbationArchive.Core.Archive;
using ProbationArchive.Core.Parsing;

namespace ProbationArchive.Core.Import.Planning;

/// <summary>
/// Decides what one page changes in the archive, from the page and what the archive already holds
/// of it. Pure: no database, no files, no clock. Every merge rule of docs/import.md is here once:
/// <list type="bullet">
/// <item>a post is found by its identity (<see cref="PostIdentity.KeyFor"/>), or, in a file
/// imported before, by its place in that file when its title or date was corrected;</item>
/// <item>a post's own page writes its title, date and body; a label page (an excerpt) writes them
/// only for a post no own page holds;</item>
/// <item>pages with comments replace the post's thread (<see cref="ThreadPlanner"/>); label pages
/// never touch comments;</item>
/// <item>labels are the union of the label pages holding the post; a label page that no longer
/// holds a post takes back the label only it gave;</item>
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
        var file = new SourceFileRow(
            stored.File?.Id, import.Path, import.ContentHash, import.ImportedAtUtc,
            warnings.Count == 0 ? ImportOutcome.Imported : ImportOutcome.ImportedWithWarnings, page.Kind, page.Label);
        var label = page.Label is null ? null : new LabelRow(stored.Label?.Id, stored.Label?.Name ?? page.Label);

        var mentions = Mentions(page);
        var byKey = stored.Posts.ToDictionary(p => p.Row.IdentityKey, StringComparer.Ordinal);
        var byId = stored.Posts.ToDictionary(p => p.Id);
        var named = mentions.Where(m => byKey.ContainsKey(m.Key)).Select(m => byKey[m.Key].Id).ToHashSet();
        var heldBefore = stored.File?.Links.ToDictionary(l => l.Position, l => l.PostId) ?? [];
        var addresses = new PermalinkChooser(stored.TakenPermalinks);
        var planner = new PostPlanner(page, label is not null, stored, addresses);

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

        var removals = stored.File?.Links
            .Where(l => !kept.Contains(l.PostId))
            .Select(l => new LinkRemoval(l.PostId, l.LabelledElsewhere ? null : stored.File.LabelId))
            .ToList() ?? [];
        return new PagePlan(file, warnings, label, posts, removals);

        // A post this file held at the same place, that no mention on the page names by identity.
        StoredPost? Moved(int position) =>
            heldBefore.TryGetValue(position, out var id) && !named.Contains(id) && !kept.Contains(id) ? byId.GetValueOrDefault(id) : null;
    }

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
