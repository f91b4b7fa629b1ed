using System.Security.Claims;
using System.Text.Json;
using GvcMatch.Web.Data;
using GvcMatch.Web.Features.Audit;
using GvcMatch.Web.Features.Auth;
using GvcMatch.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace GvcMatch.Web.Features.PersonalData;

/// <summary>A person's own data: all of it as one JSON download, and erasing the account.</summary>
public static class PersonalDataApi
{
    public const string FileName = "gvcmatch-my-data.json";

    public static IEndpointRouteBuilder MapPersonalDataApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/me/data", ExportAsync).RequireAuthorization().WithTags("Personal data")
            .WithSummary("Everything the app holds about you (account, membership, contributions, messages you wrote, inbox, saved searches, audit entries), as a JSON download");
        app.MapDelete("/api/me", AuthApi.DeleteAccountAsync).RequireAuthorization().WithTags("Personal data")
            .RequireRateLimiting(AuthRegistration.AuthRateLimit)
            .WithSummary("Erase your account (your password confirms it): messages stay under a pseudonym, personal fields are wiped; refused for an organisation's last owner");
        return app;
    }

    private static async Task<Results<FileContentHttpResult, UnauthorizedHttpResult>> ExportAsync(
        ClaimsPrincipal principal, AppDbContext db, AuditTrail audit, IOptions<JsonOptions> json, TimeProvider clock, NotificationPreferences.PreferenceStore preferences,
        CancellationToken ct)
    {
        if (principal.FindFirstValue(ClaimTypes.NameIdentifier) is not { } userId) return TypedResults.Unauthorized();
        var data = await PersonalDataExport.ReadAsync(db, preferences, userId, clock.GetUtcNow(), ct);
        if (data is null) return TypedResults.Unauthorized();
        // A copy of everything about a person is worth knowing about if the account was taken over.
        await audit.AddAsync(userId, AuditActions.PersonalDataExported, new AuditTarget(AuditTargets.User, userId, data.Account.Email),
            data.Memberships.FirstOrDefault()?.OrganizationId, ct: ct);
        await db.SaveChangesAsync(ct);
        var bytes = JsonSerializer.SerializeToUtf8Bytes(data, json.Value.SerializerOptions);
        return TypedResults.File(bytes, "application/json", FileName);
    }
}
