using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace GvcMatch.Web.Infrastructure;

/// <summary>
/// The browser-facing protections every response carries: pages, API answers, files and errors.
/// </summary>
public static class SecurityHeaders
{
    /// <summary>
    /// Scripts only from files on this site (no inline script, no eval), so text that slipped past
    /// encoding still cannot run. Inline <c>style</c> attributes stay allowed: the score bars set
    /// their widths that way and a style cannot run code. <c>connect-src 'self'</c> covers the
    /// hub's WebSocket on the same host; <c>data:</c> images are Bootstrap's and the API reference's icons.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; " +
        "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>Features no page uses: a script injected anyway cannot ask for them.</summary>
    public const string PermissionsPolicy = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), display-capture=()";

    /// <summary>Page addresses can name requirements and conversations: other sites learn nothing from a link.</summary>
    public const string ReferrerPolicy = "same-origin";

    public static IServiceCollection AddSecurityHeaders(this IServiceCollection services)
    {
        // The header would only tell an attacker which server and version to aim at.
        services.Configure<KestrelServerOptions>(o => o.AddServerHeader = false);
        services.AddHsts(o =>
        {
            o.MaxAge = TimeSpan.FromDays(365);
            o.IncludeSubDomains = true;
        });
        return services;
    }

    /// <summary>
    /// Sets the headers when the response starts, not when the request arrives: the exception
    /// handler clears the headers of a failed response before it writes the error, and this way
    /// the error page is protected as well.
    /// </summary>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((http, next) =>
    {
        http.Response.OnStarting(static state =>
        {
            var headers = ((HttpResponse)state).Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = ReferrerPolicy;
            headers["Permissions-Policy"] = PermissionsPolicy;
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            headers.Remove("Server");
            return Task.CompletedTask;
        }, http.Response);
        return next(http);
    });

    /// <summary>HTTPS only in Production: development and tests run on plain HTTP.</summary>
    public static IApplicationBuilder UseProductionHttps(this WebApplication app)
    {
        if (!app.Environment.IsProduction()) return app;
        app.UseHsts();
        app.UseHttpsRedirection();
        return app;
    }
}
