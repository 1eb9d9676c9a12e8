using Markdig;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace ProbationArchive.Core.Rendering;

/// <summary>
/// Turns stored post and comment text into HTML. The text is untrusted (anyone could comment on
/// the blog), so raw HTML is never passed through and only ordinary web and mail links survive.
/// </summary>
public static class ArchiveMarkdown
{
    /// <summary>What comment links say about themselves: not endorsed, written by users, no window.opener.</summary>
    public const string CommentLinkRel = "nofollow ugc noopener";

    // Markdig pipelines are immutable and thread-safe, so one serves every request.
    // - DisableHtml: "<script>" in a comment is shown as text, never emitted as markup.
    // - Soft breaks as hard: the bodies were saved as plain text, where a line break is meant once
    //   Reflow has joined the lines a tool wrapped.
    // - AutoLinks: the saved pages lost their anchors, leaving bare "https://..." and "www." text.
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UseSoftlineBreakAsHardlineBreak()
        .UseAutoLinks()
        .Build();

    public static string RenderBody(string text) => Render(text, rel: null);

    /// <summary>A body as stored: an export's HTML was sanitised when it was imported (<see cref="BloggerHtml"/>) and is shown as it is.</summary>
    public static string RenderBody(string text, Archive.TextFormat format) => format == Archive.TextFormat.Html ? text : RenderBody(text);

    public static string RenderComment(string text, Archive.TextFormat format) => format == Archive.TextFormat.Html ? text : RenderComment(text);

    public static string RenderComment(string text) => Render(text, CommentLinkRel);

    private static string Render(string text, string? rel)
    {
        ArgumentNullException.ThrowIfNull(text);
        var document = Markdown.Parse(Reflow.Apply(text), Pipeline);
        LinkPolicy.Apply(document);
        if (rel is not null)
        {
            foreach (var link in document.Descendants<LinkInline>())
            {
                link.GetAttributes().AddProperty("rel", rel);
            }

            foreach (var link in document.Descendants<AutolinkInline>())
            {
                link.GetAttributes().AddProperty("rel", rel);
            }
        }

        return document.ToHtml(Pipeline);
    }
}
