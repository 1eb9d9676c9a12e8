using ProbationArchive.Core.Rendering;

namespace ProbationArchive.Web.Reading;

/// <summary>
/// A post's comment threads as one request shows them: which threads are on the page, the page
/// links, and the thread outline. Built from every thread of the post (one query), so links to a
/// thread on another page go straight to that page.
/// </summary>
public sealed class PostDiscussion(string postPath, IReadOnlyList<CommentNode> threads, CommentPages pages, CommentsView view)
{
    /// <summary>From this many threads a discussion gets an outline and the fold-all and whole-page links.</summary>
    public const int LongDiscussionThreads = 20;

    /// <summary>An outline entry's first words: about one line on a phone.</summary>
    public const int FirstWordsLength = 60;

    private const int OpeningLength = 2 * FirstWordsLength;

    public string PostPath { get; } = postPath;

    /// <summary>Every thread of the post, in the order of the saved page.</summary>
    public IReadOnlyList<CommentNode> Threads { get; } = threads;

    public CommentPages Pages { get; } = pages;

    public CommentsView View { get; } = view;

    public int CommentCount { get; } = threads.Sum(t => 1 + t.ReplyCount);

    public bool IsLong => Threads.Count >= LongDiscussionThreads || Pages.Count > 1;

    /// <summary>
    /// The post's bare address of a discussion in pages is where a fragment-only link made before
    /// paging lands; its script sends such a link on to the page that holds the comment.
    /// </summary>
    public bool FollowsOldFragmentLinks => Pages.Count > 1 && View == CommentsView.FirstPage;

    /// <summary>What the title adds for a view other than the first page: " (comments, page 2 of 10)".</summary>
    public string ViewTitle => (View.Page, View.RepliesHidden) switch
    {
        (1, false) => "",
        (1, true) => " (replies hidden)",
        (null, false) => " (all comments)",
        (null, true) => " (all comments, replies hidden)",
        ({ } page, var hidden) => $" (comments, page {page} of {Pages.Count}{(hidden ? ", replies hidden" : "")})",
    };

    /// <summary>The indexes of the threads this page shows.</summary>
    public Range Shown => View.Page is { } page ? Pages.ThreadsOn(page) : ..;

    /// <summary>A link to a thread's top-level comment: a fragment of this page, or the page that holds it.</summary>
    public string ThreadHref(int threadIndex)
    {
        var anchor = "#" + ArchiveUrls.CommentAnchor(Threads[threadIndex].Id);
        var page = Pages.PageOfThread(threadIndex);
        return View.Page is null || View.Page == page ? anchor : View.OnPage(page).RelativeUrl(PostPath) + anchor;
    }

    public IEnumerable<OutlineEntry> Outline()
    {
        for (var i = 0; i < Threads.Count; i++)
        {
            var thread = Threads[i];
            // First words need only the text's start: twice their length is enough for the breaks
            // and spaces Excerpt folds away, and keeps 972 entries of the busiest post to a few
            // milliseconds. An HTML comment (from an export) is read from its plain search text.
            var text = thread.PlainOpening ?? thread.Text;
            var opening = text.Length > OpeningLength ? text[..OpeningLength] : text;
            yield return new OutlineEntry(thread.ThreadPath, Excerpt.From(opening, FirstWordsLength), thread.ReplyCount, ThreadHref(i));
        }
    }
}
