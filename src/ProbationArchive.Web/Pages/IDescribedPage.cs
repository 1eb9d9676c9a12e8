namespace ProbationArchive.Web.Pages;

/// <summary>
/// A page that says what it is to search engines and sharing sites: the layout writes its
/// description and canonical address into the head of the page.
/// </summary>
public interface IDescribedPage
{
    /// <summary>What the archive is, for pages with nothing more particular to say.</summary>
    const string SiteDescription = "An archive of a blog about the probation service in England and Wales, rebuilt from saved pages.";

    /// <summary>Plain text: a post's excerpt, or what a list holds.</summary>
    string Description { get; }

    /// <summary>
    /// The page's one address below the site root ("/2018/11/slug", "/label/PO?page=2"), with only
    /// the parameters the page reads; null for answers that are no page of the archive (404, 400).
    /// </summary>
    string? CanonicalPath { get; }
}
