using System.Globalization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ProbationArchive.Web.Reading;

namespace ProbationArchive.Web.Pages;

/// <summary>
/// Shown for every 404 (the status-code pages middleware re-executes it): says what was asked for
/// and offers the nearest useful pages.
/// </summary>
public sealed class NotFoundModel : PageModel, IDescribedPage
{
    public string Description => "The archive has no page at this address. " + IDescribedPage.SiteDescription;

    /// <summary>A "not found" answer is no page of the archive: it has no canonical address.</summary>
    public string? CanonicalPath => null;

    public string? RequestedPath { get; private set; }

    /// <summary>For an address shaped like a post or a month, the month's archive.</summary>
    public string? MonthUrl { get; private set; }

    /// <summary>For "/label/A+B" naming a label the archive does not have: which, and the ones it has.</summary>
    public UnknownLabels? UnknownLabels { get; private set; }

    /// <summary>The address is one of Blogger's per-post comment feeds, "/feeds/{postid}/comments/default".</summary>
    public bool IsBloggerCommentFeed { get; private set; }

    public void OnGet()
    {
        // Asked for directly, this page is still a "not found" answer.
        Response.StatusCode = StatusCodes.Status404NotFound;
        RequestedPath = HttpContext.Features.Get<IStatusCodeReExecuteFeature>()?.OriginalPath;
        UnknownLabels = HttpContext.Features.Get<UnknownLabels>();
        var segments = RequestedPath?.Split('/', StringSplitOptions.RemoveEmptyEntries) ?? [];
        IsBloggerCommentFeed = segments is ["feeds", var postId, "comments", "default"] && postId.All(char.IsAsciiDigit);
        if (segments.Length >= 3
            && segments[0].Length == 4 && int.TryParse(segments[0], NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year is > 0 and < 9999
            && segments[1].Length == 2 && int.TryParse(segments[1], NumberStyles.None, CultureInfo.InvariantCulture, out var month) && month is >= 1 and <= 12)
        {
            MonthUrl = ArchiveUrls.Month(year, month);
        }
    }
}
