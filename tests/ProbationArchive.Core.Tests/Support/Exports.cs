using System.Security;

namespace ProbationArchive.Core.Tests.Support;

/// <summary>Small hand-made Blogger exports, in the classic "Export blog" format and in Takeout's feed.atom.</summary>
public static class Exports
{
    public const string Blog = "1234567890";

    public static string Fixture => Path.Combine(AppContext.BaseDirectory, "Import", "Blogger", "blogger-export-mowords-2012.xml");

    /// <param name="Number">The entry's number; its id is "tag:blogger.com,1999:blog-{Blog}.post-{Number}".</param>
    /// <param name="Address">The alternate link's path, or null for none.</param>
    public sealed record Post(string Number, string Title, string Html, string Published, string? Address, bool Draft = false, bool Page = false, params string[] Labels);

    /// <param name="Parent">The number of the comment it replies to, or null for a top-level comment.</param>
    public sealed record Comment(string Number, string PostNumber, string Html, string Published, string Author = "Anonymous", string? Parent = null, string? AuthorUri = null);

    public static string Classic(IEnumerable<Post> posts, IEnumerable<Comment> comments) =>
        $"""
        <?xml version='1.0' encoding='UTF-8'?>
        <feed xmlns='http://www.w3.org/2005/Atom' xmlns:thr='http://purl.org/syndication/thread/1.0' xmlns:app='http://purl.org/atom/app#'>
        <id>tag:blogger.com,1999:blog-{Blog}.archive</id>
        <entry><id>tag:blogger.com,1999:blog-{Blog}.settings.BLOG_NAME</id><category scheme='http://schemas.google.com/g/2005#kind' term='http://schemas.google.com/blogger/2008/kind#settings'/><content type='text'>moderator@example.org</content><author><name>Owner</name><email>owner@example.org</email></author></entry>
        {string.Concat(posts.Select(ClassicPost))}
        {string.Concat(comments.Select(ClassicComment))}
        </feed>
        """;

    public static string Takeout(IEnumerable<Post> posts, IEnumerable<Comment> comments) =>
        $"""
        <?xml version='1.0' encoding='UTF-8'?>
        <feed xmlns='http://www.w3.org/2005/Atom' xmlns:blogger='http://schemas.google.com/blogger/2018'>
        <id>tag:blogger.com,1999:blog-{Blog}</id>
        {string.Concat(posts.Select(TakeoutPost))}
        {string.Concat(comments.Select(TakeoutComment))}
        </feed>
        """;

    private static string ClassicPost(Post post) => $"""
        <entry><id>tag:blogger.com,1999:blog-{Blog}.{(post.Page ? "page" : "post")}-{post.Number}</id><published>{post.Published}</published><updated>2012-01-01T00:00:00.000-08:00</updated>
        <category scheme='http://schemas.google.com/g/2005#kind' term='http://schemas.google.com/blogger/2008/kind#{(post.Page ? "page" : "post")}'/>
        {string.Concat(post.Labels.Select(l => $"<category scheme='http://www.blogger.com/atom/ns#' term='{Escape(l)}'/>"))}
        <title type='text'>{Escape(post.Title)}</title><content type='html'>{Escape(post.Html)}</content>
        {(post.Address is null ? "" : $"<link rel='alternate' type='text/html' href='http://example.blogspot.com{post.Address}'/>")}
        <author><name>Blog Owner</name><uri>http://www.blogger.com/profile/1</uri><email>noreply@blogger.com</email></author>
        {(post.Draft ? "<app:control><app:draft>yes</app:draft></app:control>" : "")}
        </entry>
        """;

    private static string ClassicComment(Comment comment) => $"""
        <entry><id>tag:blogger.com,1999:blog-{Blog}.post-{comment.Number}</id><published>{comment.Published}</published>
        <category scheme='http://schemas.google.com/g/2005#kind' term='http://schemas.google.com/blogger/2008/kind#comment'/>
        <title type='text'>{Escape(comment.Html[..Math.Min(20, comment.Html.Length)])}...</title><content type='html'>{Escape(comment.Html)}</content>
        {(comment.Parent is null ? "" : $"<link rel='related' type='application/atom+xml' href='http://www.blogger.com/feeds/{Blog}/{comment.PostNumber}/comments/default/{comment.Parent}'/>")}
        <author><name>{Escape(comment.Author)}</name>{(comment.AuthorUri is null ? "" : $"<uri>{Escape(comment.AuthorUri)}</uri>")}<email>noreply@blogger.com</email></author>
        <thr:in-reply-to href='http://example.blogspot.com/' ref='tag:blogger.com,1999:blog-{Blog}.post-{comment.PostNumber}' source='http://www.blogger.com/feeds/{Blog}/posts/default/{comment.PostNumber}' type='text/html'/>
        </entry>
        """;

    private static string TakeoutPost(Post post) => $"""
        <entry><id>tag:blogger.com,1999:blog-{Blog}.post-{post.Number}</id><blogger:type>{(post.Page ? "PAGE" : "POST")}</blogger:type>
        <blogger:status>{(post.Draft ? "DRAFT" : "LIVE")}</blogger:status><author><name>Blog Owner</name><email>noreply@blogger.com</email></author>
        <title>{Escape(post.Title)}</title><content type='html'>{Escape(post.Html)}</content><published>{post.Published}</published>
        {string.Concat(post.Labels.Select(l => $"<category term='{Escape(l)}'/>"))}
        {(post.Address is null ? "" : $"<blogger:filename>{Escape(post.Address)}</blogger:filename>")}
        </entry>
        """;

    private static string TakeoutComment(Comment comment) => $"""
        <entry><id>tag:blogger.com,1999:blog-{Blog}.post-{comment.Number}</id><blogger:type>COMMENT</blogger:type><blogger:status>LIVE</blogger:status>
        <author><name>{Escape(comment.Author)}</name>{(comment.AuthorUri is null ? "" : $"<uri>{Escape(comment.AuthorUri)}</uri>")}</author>
        <content type='html'>{Escape(comment.Html)}</content><published>{comment.Published}</published>
        <blogger:parent>tag:blogger.com,1999:blog-{Blog}.post-{comment.PostNumber}</blogger:parent>
        {(comment.Parent is null ? "" : $"<blogger:inReplyTo>{comment.Parent}</blogger:inReplyTo>")}
        </entry>
        """;

    private static string Escape(string text) => SecurityElement.Escape(text);
}
