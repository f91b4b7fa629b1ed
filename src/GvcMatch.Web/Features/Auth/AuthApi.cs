using System.Security.Claims;
using GvcMatch.Web.Data;
using GvcMatch.Web.Features.Audit;
using GvcMatch.Web.Infrastructure;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace GvcMatch.Web.Features.Auth;

public sealed record LoginRequest(string Email, string Password);
public sealed record RefreshRequest(string RefreshToken);
public sealed record DeleteAccountRequest(string Password);
public sealed record RegistrationAccepted(string Detail);
public sealed record MeResponse(string UserId, string Email, string? DisplayName, int? OrganizationId, string? OrganizationName, string? OrganizationKind, string Role, bool IsPlatformAdmin);

public static class AuthApi
{
    public const string RegistrationAcceptedDetail =
        "Registration received. If the address is new, the account and its organisation exist now: sign in with the email and password you chose. " +
        "If the address already had an account, nothing was created and its owner has been emailed.";

    public static IEndpointRouteBuilder MapAuthApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/auth").WithTags("Auth");

        group.MapPost("/register", RegisterAsync).AllowAnonymous().RequireRateLimiting(AuthRegistration.AuthRateLimit)
            .WithSummary("Create an account and its organisation (the caller becomes the owner); 202 whether or not the email was taken");
        group.MapPost("/login", LoginAsync).AllowAnonymous().RequireRateLimiting(AuthRegistration.AuthRateLimit)
            .WithSummary("Exchange email and password for a bearer token and a refresh token");
        group.MapPost("/refresh", RefreshAsync).AllowAnonymous().RequireRateLimiting(AuthRegistration.AuthRateLimit)
            .WithSummary("Exchange a refresh token (once) for a new bearer token and the next refresh token");
        group.MapPost("/logout", LogoutAsync).RequireAuthorization()
            .WithSummary("End this session: the token's refresh family and its access tokens stop working");
        group.MapGet("/me", MeAsync).RequireAuthorization().WithSummary("Who the caller is");
        group.MapPost("/delete-account", DeleteAccountAsync).RequireAuthorization().RequireRateLimiting(AuthRegistration.AuthRateLimit)
            .WithSummary("Erase your own account (your password confirms it; the same as DELETE /api/me); refused for an organisation's last owner");
        return app;
    }

    private static async Task<Results<Accepted<RegistrationAccepted>, ValidationProblem>> RegisterAsync(
        RegisterRequest request, Registration registration, CancellationToken ct)
    {
        var (outcome, errors) = await registration.SignUpAsync(request, ct);
        if (outcome == SignUpOutcome.Invalid) return Problems.Invalid(errors.ToDictionary());
        return TypedResults.Accepted((string?)null, new RegistrationAccepted(RegistrationAcceptedDetail));
    }

    private static async Task<Results<SignInHttpResult, ProblemHttpResult>> LoginAsync(
        LoginRequest request, PasswordSignIn passwords, SignInManager<AppUser> signIn, RefreshTokenStore tokens, CancellationToken ct)
    {
        var (outcome, user) = await passwords.CheckAsync(request.Email, request.Password);
        if (outcome == PasswordOutcome.LockedOut)
            return TypedResults.Problem(PasswordSignIn.Describe(outcome), statusCode: StatusCodes.Status401Unauthorized, title: "Locked out");
        if (user is null)
            return TypedResults.Problem(PasswordSignIn.Describe(outcome), statusCode: StatusCodes.Status401Unauthorized, title: "Sign-in failed");
        var principal = await signIn.CreateUserPrincipalAsync(user);
        ((ClaimsIdentity)principal.Identity!).AddClaim(new Claim("amr", "pwd"));
        await tokens.IssueAsync(principal, user.Id, family: null, ct);
        // The bearer handler writes the token response.
        return TypedResults.SignIn(principal, authenticationScheme: IdentityConstants.BearerScheme);
    }

    private static async Task<Results<SignInHttpResult, ChallengeHttpResult>> RefreshAsync(
        RefreshRequest request, SignInManager<AppUser> signIn, IOptionsMonitor<BearerTokenOptions> bearer, RefreshTokenStore tokens,
        SessionRevocation sessions, AuditTrail audit, AppDbContext db, TimeProvider clock, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(request.RefreshToken)) return TypedResults.Challenge();
        var ticket = bearer.Get(IdentityConstants.BearerScheme).RefreshTokenProtector.Unprotect(request.RefreshToken);
        if (ticket?.Properties.ExpiresUtc is not { } expires || clock.GetUtcNow() >= expires
            || ticket.Principal.FindFirstValue(ClaimTypes.NameIdentifier) is not { } userId
            || ticket.Principal.FindFirstValue(RefreshTokenStore.TokenClaim) is not { } tokenId)
        {
            return TypedResults.Challenge();
        }

        var (use, token) = await tokens.UseAsync(tokenId, userId, ct);
        if (use == RefreshUse.Replayed)
        {
            // Two parties hold tokens of this session: neither keeps it.
            var owner = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => new { u.Email, u.OrganizationId }).FirstOrDefaultAsync(ct);
            await audit.AddAsync(null, AuditActions.RefreshTokenReused, new AuditTarget(AuditTargets.TokenFamily, token!.FamilyId, owner?.Email),
                owner?.OrganizationId, "A used refresh token was presented again; its whole family is revoked.", ct);
            await db.SaveChangesAsync(ct);
            await sessions.FamilyRevokedAsync(token.FamilyId, ct);
            return TypedResults.Challenge();
        }
        if (use != RefreshUse.Used || await signIn.ValidateSecurityStampAsync(ticket.Principal) is not { } user
            || await signIn.UserManager.IsLockedOutAsync(user))
        {
            return TypedResults.Challenge();
        }
        var principal = await signIn.CreateUserPrincipalAsync(user);
        if (ticket.Principal.FindFirst("amr") is { } amr) ((ClaimsIdentity)principal.Identity!).AddClaim(new Claim("amr", amr.Value));
        await tokens.IssueAsync(principal, user.Id, token!.FamilyId, ct);
        return TypedResults.SignIn(principal, authenticationScheme: IdentityConstants.BearerScheme);
    }

    private static async Task<NoContent> LogoutAsync(ClaimsPrincipal principal, HttpContext http, RefreshTokenStore tokens, SessionRevocation sessions,
        SignInManager<AppUser> signIn, CancellationToken ct)
    {
        if (principal.FindFirstValue(RefreshTokenStore.FamilyClaim) is { } family)
        {
            await tokens.RevokeFamilyAsync(family, ct);
            await sessions.FamilyRevokedAsync(family, ct);
        }
        else
        {
            await signIn.SignOutAsync();
        }
        return TypedResults.NoContent();
    }

    private static async Task<Results<Ok<MeResponse>, UnauthorizedHttpResult>> MeAsync(ClaimsPrincipal principal, AppDbContext db, CancellationToken ct)
    {
        var actor = await principal.GetActorAsync(db, ct);
        return actor is null ? TypedResults.Unauthorized() : TypedResults.Ok(await DescribeAsync(db, actor.UserId, ct));
    }

    /// <summary>Also <c>DELETE /api/me</c> (Features/PersonalData), where the body has to be named as such.</summary>
    internal static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> DeleteAccountAsync(
        [FromBody] DeleteAccountRequest request, ClaimsPrincipal principal, AccountDeletion deletion, SignInManager<AppUser> signIn, CancellationToken ct)
    {
        if (principal.FindFirstValue(ClaimTypes.NameIdentifier) is not { } userId) return Problems.Forbidden("Sign in again.");
        if (string.IsNullOrEmpty(request.Password)) return Problems.Invalid("password", "Confirm with your password.");
        var (outcome, organization) = await deletion.DeleteAsync(userId, request.Password, ct);
        switch (outcome)
        {
            case DeletionOutcome.WrongPassword: return Problems.Invalid("password", "The password is wrong.");
            case DeletionOutcome.LastOwner: return Problems.Conflict(AccountDeletion.LastOwnerMessage(organization!));
            case DeletionOutcome.NotFound: return Problems.NotFound("The account");
        }
        if (principal.FindFirstValue(RefreshTokenStore.FamilyClaim) is null) await signIn.SignOutAsync();
        return TypedResults.NoContent();
    }

    private static Task<MeResponse> DescribeAsync(AppDbContext db, string userId, CancellationToken ct) =>
        db.Users.Where(u => u.Id == userId).Select(u => new MeResponse(
                u.Id, u.Email!, u.DisplayName, u.OrganizationId,
                u.Organization == null ? null : u.Organization.Name,
                u.Organization == null ? null : u.Organization.Kind.ToString(),
                u.Role.ToString(), u.IsPlatformAdmin)).FirstAsync(ct);
}
