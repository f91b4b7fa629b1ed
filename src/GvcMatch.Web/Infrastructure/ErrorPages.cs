using Microsoft.Net.Http.Headers;

namespace GvcMatch.Web.Infrastructure;

/// <summary>
/// Errors as each kind of client reads them: a browser asking for a page gets the site's error page
/// (404, 403, 500, in the layout), an API client keeps ProblemDetails. A request counts as an API
/// request when it goes to /api (or another machine-facing path) or does not accept HTML.
/// </summary>
public static class ErrorPages
{
    public const string Path = "/Error";

    private static readonly string[] MachinePaths = ["/api", "/hubs", "/openapi", "/health", "/metrics"];

    public static bool WantsHtml(HttpContext http)
    {
        if (MachinePaths.Any(p => http.Request.Path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase))) return false;
        var accept = http.Request.GetTypedHeaders().Accept;
        // Browsers name text/html first; fetch() from a script or curl name JSON or only */*.
        return accept.Any(a => a.MediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase) && a.Quality is null or > 0);
    }

    /// <summary>Replaces <c>UseExceptionHandler()</c> and <c>UseStatusCodePages()</c> in the pipeline.</summary>
    public static IApplicationBuilder UseErrorPages(this IApplicationBuilder app)
    {
        app.UseWhen(WantsHtml, html =>
        {
            html.UseExceptionHandler(Path + "/500");
            html.UseStatusCodePagesWithReExecute(Path + "/{0}");
        });
        app.UseWhen(http => !WantsHtml(http), api =>
        {
            api.UseExceptionHandler();
            api.UseStatusCodePages();
        });
        return app;
    }
}
