namespace ProbationArchive.Web.Hosting;

/// <summary>Headers that keep untrusted comment text inert even if something slipped past encoding.</summary>
internal static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; " +
        "base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>Nothing the archive uses: no page asks for a camera, a location, a payment or any other powerful feature, so none may.</summary>
    public const string PermissionsPolicy =
        "accelerometer=(), autoplay=(), camera=(), display-capture=(), encrypted-media=(), fullscreen=(), geolocation=(), gyroscope=(), " +
        "magnetometer=(), microphone=(), midi=(), payment=(), picture-in-picture=(), publickey-credentials-get=(), screen-wake-lock=(), " +
        "sync-xhr=(), usb=(), xr-spatial-tracking=()";

    /// <summary>Added as the response starts, so every answer has them: rendered, cached, refused or re-executed.</summary>
    public static Task AddAsync(HttpContext context, Func<Task> next)
    {
        // A static callback with the response as its state: nothing is allocated per request for it.
        context.Response.OnStarting(static state =>
        {
            var headers = ((HttpResponse)state).Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "no-referrer";
            headers.XFrameOptions = "DENY";
            headers["Permissions-Policy"] = PermissionsPolicy;
            return Task.CompletedTask;
        }, context.Response);
        return next();
    }
}
