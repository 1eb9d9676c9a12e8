using ProbationArchive.Web.Reading;

namespace ProbationArchive.Web.Routing;

/// <summary>Old Blogger addresses that moved. "/yyyy/MM/slug.html" is handled by the post page, which looks the post up.</summary>
internal static class LegacyRedirects
{
    public static IEndpointRouteBuilder MapLegacyRedirects(this IEndpointRouteBuilder endpoints)
    {
        // Blogger's label pages; "+" between names survives, as "/label/A+B" means the same.
        endpoints.MapGet("/search/label/{names}", (string names) =>
            Results.Redirect(ArchiveUrls.Label(names.Split('+')), permanent: true));
        return endpoints;
    }
}
