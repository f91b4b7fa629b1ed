using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GvcMatch.Web.Infrastructure;

/// <summary>
/// Antiforgery for the JSON API. A browser sends the sign-in cookie with any request, including
/// one a foreign site makes it send, so every state-changing <c>/api</c> call authenticated by the
/// cookie must also carry the antiforgery token (the <c>RequestVerificationToken</c> header, or
/// the form field of a multipart body). A bearer token is never sent by the browser on its own, so
/// bearer calls need no token.
/// </summary>
public static class ApiAntiforgery
{
    /// <summary>The header scripts send the token in (the antiforgery default, kept explicit for clients).</summary>
    public const string HeaderName = "RequestVerificationToken";

    /// <summary>The field named in the 400 answer when the token is missing or wrong.</summary>
    public const string Field = "RequestVerificationToken";

    public static IServiceCollection AddApiAntiforgery(this IServiceCollection services) =>
        services.AddAntiforgery(o => o.HeaderName = HeaderName);

    /// <summary>Runs after authentication, so it knows whether the cookie signed the caller in.</summary>
    public static IApplicationBuilder UseApiAntiforgery(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        if (NeedsToken(http))
        {
            var antiforgery = http.RequestServices.GetRequiredService<IAntiforgery>();
            if (!await antiforgery.IsRequestValidAsync(http))
            {
                await TypedResults.ValidationProblem(
                        new Dictionary<string, string[]> { [Field] = ["The antiforgery token is missing or invalid: send the page's token in the RequestVerificationToken header (GET /api/antiforgery gives one)."] },
                        title: "Antiforgery token required")
                    .ExecuteAsync(http);
                return;
            }
        }
        await next(http);
    });

    public static IEndpointRouteBuilder MapAntiforgeryApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/antiforgery", IssueToken)
            .WithTags("Auth")
            .RequireAuthorization()
            .WithSummary("The antiforgery token a cookie-signed-in script sends in the RequestVerificationToken header on writes (bearer callers need none)");
        return app;
    }

    public sealed record AntiforgeryTokenDto(string HeaderName, string Token);

    private static Ok<AntiforgeryTokenDto> IssueToken(HttpContext http, IAntiforgery antiforgery)
    {
        var tokens = antiforgery.GetAndStoreTokens(http);
        http.Response.Headers.CacheControl = "no-store";
        return TypedResults.Ok(new AntiforgeryTokenDto(HeaderName, tokens.RequestToken!));
    }

    /// <summary>A write to the API by a caller the cookie (not a bearer token) signed in.</summary>
    private static bool NeedsToken(HttpContext http) =>
        http.Request.Path.StartsWithSegments("/api")
        && !(HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method)
             || HttpMethods.IsOptions(http.Request.Method) || HttpMethods.IsTrace(http.Request.Method))
        && !http.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
        && http.User.Identity?.IsAuthenticated == true;
}
