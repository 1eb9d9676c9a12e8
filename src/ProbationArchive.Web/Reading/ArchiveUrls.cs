using System.Globalization;

namespace ProbationArchive.Web.Reading;

/// <summary>The site's addresses, in Blogger's scheme, built in one place so pages and tests agree.</summary>
public static class ArchiveUrls
{
    public const string Home = "/";
    public const string Labels = "/labels";
    public const string Undated = "/undated";

    /// <summary>The whole archive at a glance: posts and comments per month.</summary>
    public const string Overview = "/archive";

    public static string Post(string permalink) => "/" + permalink;

    /// <summary>A path of the site as an absolute address (canonical links, Open Graph), from the public address (<see cref="Hosting.PublicAddress"/>).</summary>
    public static string Absolute(HttpRequest request, string path)
    {
        ArgumentNullException.ThrowIfNull(request);
        // Archive:PublicBaseUrl when set (the Host header is never reflected), else the request's own.
        return Hosting.PublicAddress.Root(request).AbsoluteUri.TrimEnd('/') + path;
    }

    /// <summary>
    /// A comment's lasting address, "/2018/11/slug?comment=12093": it redirects to the page of
    /// comments that holds it then (<see cref="CommentsView"/>), however the discussion is paged.
    /// </summary>
    public static string Comment(string permalink, int commentId) =>
        $"/{permalink}{CommentPermalink(commentId)}";

    /// <summary>The same address relative to the post's page: what each comment's permalink links.</summary>
    public static string CommentPermalink(int commentId) =>
        $"?{CommentsView.CommentParameter}={commentId.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>The comment on the post's first page, "/2018/11/slug#c12093": a feed entry's id, which must never change.</summary>
    public static string CommentOnFirstPage(string permalink, int commentId) =>
        $"/{permalink}#{CommentAnchor(commentId)}";

    public static string CommentAnchor(int commentId) => "c" + commentId.ToString(CultureInfo.InvariantCulture);

    /// <summary>"/label/PO", or "/label/A+B" for posts carrying every label named.</summary>
    public static string Label(params IEnumerable<string> names) =>
        "/label/" + string.Join('+', names.Select(Uri.EscapeDataString));

    public static string Year(int year) => "/" + year.ToString("D4", CultureInfo.InvariantCulture);

    public static string Month(int year, int month) =>
        $"/{year.ToString("D4", CultureInfo.InvariantCulture)}/{month.ToString("D2", CultureInfo.InvariantCulture)}";

    /// <summary>The same list at another page number; page 1 is the bare address.</summary>
    public static string Paged(string path, int page) =>
        page <= 1 ? path : $"{path}?page={page.ToString(CultureInfo.InvariantCulture)}";
}
