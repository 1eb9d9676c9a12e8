using System.Globalization;

namespace ProbationArchive.Web.Reading;

/// <summary>
/// Which of a post's comments its page shows, and how: one page of a long discussion
/// ("?page=2") or all of it ("?page=all"), with every thread's replies shown or folded
/// ("?replies=hidden"). The addresses of the views are built here, so links between them agree.
/// </summary>
/// <param name="Page">The page of comments, from 1; null for every comment on one page.</param>
public sealed record CommentsView(int? Page, bool RepliesHidden)
{
    public const string PageParameter = "page";
    public const string WholeDiscussion = "all";
    public const string RepliesParameter = "replies";
    public const string RepliesHiddenValue = "hidden";

    /// <summary>The redirect to the page holding a comment: "/2018/11/slug?comment=12093".</summary>
    public const string CommentParameter = "comment";

    public static CommentsView FirstPage { get; } = new(1, RepliesHidden: false);

    public bool IsWhole => Page is null;

    /// <summary>
    /// Reads the view from the query; null when it names no view of this post (a page past the
    /// end, "?page=abc", "?replies=maybe"), which the page answers with 404.
    /// </summary>
    public static CommentsView? FromQuery(string? page, string? replies, int pageCount)
    {
        var repliesHidden = replies switch
        {
            null => false,
            RepliesHiddenValue => true,
            _ => (bool?)null,
        };
        if (repliesHidden is null)
        {
            return null;
        }

        if (page is null)
        {
            return new CommentsView(1, repliesHidden.Value);
        }

        if (page == WholeDiscussion)
        {
            // A discussion of one page has no other view of all of it: that page is the whole.
            return new CommentsView(pageCount > 1 ? null : 1, repliesHidden.Value);
        }

        return int.TryParse(page, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= 1 && number <= pageCount
            ? new CommentsView(number, repliesHidden.Value)
            : null;
    }

    /// <summary>The address of this view of the post: the page's own parameters, and no others.</summary>
    public string Url(string postPath)
    {
        var query = new List<string>(2);
        if (Page is null)
        {
            query.Add($"{PageParameter}={WholeDiscussion}");
        }
        else if (Page > 1)
        {
            query.Add($"{PageParameter}={Page.Value.ToString(CultureInfo.InvariantCulture)}");
        }

        if (RepliesHidden)
        {
            query.Add($"{RepliesParameter}={RepliesHiddenValue}");
        }

        return query.Count == 0 ? postPath : postPath + "?" + string.Join('&', query);
    }

    /// <summary>
    /// The same address relative to the post's own page, for links between its views ("?page=2",
    /// "./slug" for the first page): a thread outline repeats it for every thread.
    /// </summary>
    public string RelativeUrl(string postPath)
    {
        ArgumentNullException.ThrowIfNull(postPath);
        var url = Url(postPath);
        return url.Length > postPath.Length ? url[postPath.Length..] : "." + postPath[postPath.LastIndexOf('/')..];
    }

    public CommentsView OnPage(int? page) => this with { Page = page };

    public CommentsView WithRepliesHidden(bool hidden) => this with { RepliesHidden = hidden };
}
