using System.Security.Claims;
using GvcMatch.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GvcMatch.Web.Features.NotificationPreferences;

public static class NotificationPreferencesApi
{
    public static IEndpointRouteBuilder MapNotificationPreferencesApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/me/notification-preferences").WithTags("Notifications").RequireAuthorization();
        group.MapGet("/", GetAsync).WithSummary("How each kind of notification is emailed to you: Immediately, DailyDigest, WeeklyDigest or Off; and your digest time zone");
        group.MapPut("/", PutAsync).WithSummary("Change how some kinds are emailed (the kinds not named stay) and the digest time zone (If-Match: the ETag, optional)");
        return app;
    }

    private static async Task<Ok<NotificationPreferencesDto>> GetAsync(ClaimsPrincipal user, HttpResponse response, PreferenceStore store, CancellationToken ct)
    {
        var current = await store.GetAsync(user.FindFirstValue(ClaimTypes.NameIdentifier)!, ct);
        response.Tag(current.ConcurrencyStamp);
        return TypedResults.Ok(current);
    }

    private static async Task<Results<Ok<NotificationPreferencesDto>, ValidationProblem, ProblemHttpResult>> PutAsync(
        NotificationPreferencesInput input, HttpRequest request, ClaimsPrincipal user, PreferenceStore store, CancellationToken ct)
    {
        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier)!;
        if (await store.SaveAsync(userId, input, IfMatch.From(request), ct) is { } refused)
            return refused.IsInvalid ? refused.ToValidationProblem() : refused.ToProblem();
        var saved = await store.GetAsync(userId, ct);
        request.HttpContext.Response.Tag(saved.ConcurrencyStamp);
        return TypedResults.Ok(saved);
    }
}
