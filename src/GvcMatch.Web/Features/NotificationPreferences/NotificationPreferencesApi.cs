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
        group.MapPut("/", PutAsync).WithSummary("Change how some kinds are emailed (the kinds not named stay) and the digest time zone");
        return app;
    }

    private static async Task<Ok<NotificationPreferencesDto>> GetAsync(ClaimsPrincipal user, PreferenceStore store, CancellationToken ct) =>
        TypedResults.Ok(await store.GetAsync(user.FindFirstValue(ClaimTypes.NameIdentifier)!, ct));

    private static async Task<Results<Ok<NotificationPreferencesDto>, ValidationProblem>> PutAsync(
        NotificationPreferencesInput input, ClaimsPrincipal user, PreferenceStore store, CancellationToken ct)
    {
        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier)!;
        var errors = await store.SaveAsync(userId, input, ct);
        if (errors.Any) return Problems.Invalid(errors.ToDictionary());
        return TypedResults.Ok(await store.GetAsync(userId, ct));
    }
}
