using GvcMatch.Web.Features.Conversations;
using Microsoft.Extensions.Options;

namespace GvcMatch.Web.Hubs;

/// <summary>
/// WebSockets are not covered by CORS: any page a signed-in user visits could open the hub with
/// their cookie. So every request on the hub path that carries an Origin (browsers always send
/// one for WebSockets and cross-site requests) must come from this host or from
/// <see cref="MessagingOptions.AllowedOrigins"/>; others get 403. Clients that send no Origin
/// (servers, the .NET client) pass, since they cannot carry a browser's cookie.
/// </summary>
public static class HubOriginCheck
{
    public static IApplicationBuilder UseHubOriginCheck(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        if (http.Request.Path.StartsWithSegments(NegotiationHub.Path)
            && !IsAllowed(http.Request, http.RequestServices.GetRequiredService<IOptions<MessagingOptions>>().Value))
        {
            http.Response.StatusCode = StatusCodes.Status403Forbidden;
            await http.Response.WriteAsJsonAsync(new
            {
                type = "https://tools.ietf.org/html/rfc9110#section-15.5.4",
                title = "Forbidden",
                status = 403,
                detail = "This origin may not open the negotiation hub.",
            }, options: null, contentType: "application/problem+json");
            return;
        }
        await next(http);
    });

    public static bool IsAllowed(HttpRequest request, MessagingOptions options)
    {
        var origin = request.Headers.Origin.ToString();
        if (string.IsNullOrEmpty(origin)) return true;
        // "null" (sandboxed frames, file pages) and anything unparsable are refused.
        if (!Uri.TryCreate(origin, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)) return false;
        if (options.AllowedOrigins.Any(a => Uri.TryCreate(a, UriKind.Absolute, out var allowed) && SameOrigin(allowed, uri))) return true;
        // Same host: compare host and port; a proxy may end TLS, so the scheme of this hop says nothing.
        var host = request.Host;
        return host.HasValue && string.Equals(host.Host, uri.Host, StringComparison.OrdinalIgnoreCase) && (host.Port ?? uri.Port) == uri.Port;
    }

    private static bool SameOrigin(Uri a, Uri b) =>
        string.Equals(a.Scheme, b.Scheme, StringComparison.OrdinalIgnoreCase) && string.Equals(a.Host, b.Host, StringComparison.OrdinalIgnoreCase) && a.Port == b.Port;
}
