namespace ProbationArchive.Web.Reading;

/// <summary>
/// A long discussion split into pages of whole threads, as Blogger paged its comments at 200: a
/// page takes threads in order until the next one would carry it past
/// <see cref="CommentsPerPage"/>, and a thread longer than that has a page of its own. Only a
/// thread's own length and the threads before it place it, so comments added at the end of a
/// discussion, as later saved pages add them, never move a thread to another page.
/// </summary>
public sealed class CommentPages
{
    /// <summary>
    /// Comments a page holds at most (unless one thread is longer): Blogger's figure, and about
    /// 160 KB of markup, which a phone lays out without freezing (docs/PERFORMANCE.md, Lighthouse).
    /// </summary>
    public const int CommentsPerPage = 200;

    // The index of the first thread of each page, and one past the last thread at the end.
    private readonly int[] _starts;

    private CommentPages(int[] starts) => _starts = starts;

    /// <summary>Pages of comments; a post with no comments has one page, an empty one.</summary>
    public int Count => _starts.Length - 1;

    public static CommentPages Split(IReadOnlyList<CommentNode> threads)
    {
        ArgumentNullException.ThrowIfNull(threads);
        var starts = new List<int> { 0 };
        var onPage = 0;
        for (var i = 0; i < threads.Count; i++)
        {
            var comments = 1 + threads[i].ReplyCount;
            if (onPage > 0 && onPage + comments > CommentsPerPage)
            {
                starts.Add(i);
                onPage = 0;
            }

            onPage += comments;
        }

        starts.Add(threads.Count);
        // A post without comments still has its one (empty) page.
        return new CommentPages(starts.Count == 1 ? [0, 0] : [.. starts]);
    }

    /// <summary>The page (from 1) that holds the thread at this index.</summary>
    public int PageOfThread(int threadIndex)
    {
        var found = Array.BinarySearch(_starts, 0, _starts.Length - 1, threadIndex);
        return found >= 0 ? found + 1 : ~found;
    }

    /// <summary>The indexes of the threads on a page (from 1).</summary>
    public Range ThreadsOn(int page)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(page, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(page, Count);
        return _starts[page - 1].._starts[page];
    }
}
