using GvcMatch.Web.Data;
using GvcMatch.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace GvcMatch.Web.Features.Auth;

public sealed record LoginRequest(string Email, string Password);
public sealed record RefreshRequest(string RefreshToken);
public sealed record MeResponse(string UserId, string Email, string? DisplayName, int? OrganizationId, string? OrganizationName, string? OrganizationKind, string Role, bool IsPlatformAdmin);

public static class AuthApi
{
    public static IEndpointRouteBuilder MapAuthApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/auth").WithTags("Auth");

        group.MapPost("/register", RegisterAsync).AllowAnonymous().RequireRateLimiting(AuthRegistration.AuthRateLimit)
            .WithSummary("Create an account and its organisation (the caller becomes the owner)");
        group.MapPost("/login", LoginAsync).AllowAnonymous().RequireRateLimiting(AuthRegistration.AuthRateLimit)
            .WithSummary("Exchange email and password for a bearer token");
        group.MapPost("/refresh", RefreshAsync).AllowAnonymous().RequireRateLimiting(AuthRegistration.AuthRateLimit)
            .WithSummary("Exchange a refresh token for a new bearer token");
        group.MapGet("/me", MeAsync).RequireAuthorization().WithSummary("Who the caller is");
        return app;
    }

    private static async Task<Results<Created<MeResponse>, ValidationProblem>> RegisterAsync(
        RegisterRequest request, Registration registration, AppDbContext db, CancellationToken ct)
    {
        var (user, errors) = await registration.RegisterAsync(request, ct);
        if (user is null) return Problems.Invalid(errors.ToDictionary());
        var me = await DescribeAsync(db, user.Id, ct);
        return TypedResults.Created("/api/auth/me", me);
    }

    private static async Task<Results<EmptyHttpResult, ProblemHttpResult>> LoginAsync(
        LoginRequest request, SignInManager<AppUser> signIn)
    {
        signIn.AuthenticationScheme = IdentityConstants.BearerScheme;
        var result = await signIn.PasswordSignInAsync(request.Email ?? "", request.Password ?? "", isPersistent: false, lockoutOnFailure: true);
        if (result.IsLockedOut)
            return TypedResults.Problem("Too many failed sign-ins: the account is locked for a few minutes.", statusCode: StatusCodes.Status401Unauthorized, title: "Locked out");
        if (!result.Succeeded)
            return TypedResults.Problem("Email or password is wrong.", statusCode: StatusCodes.Status401Unauthorized, title: "Sign-in failed");
        // The bearer handler has already written the token response.
        return TypedResults.Empty;
    }

    private static async Task<Results<SignInHttpResult, ChallengeHttpResult>> RefreshAsync(
        RefreshRequest request, SignInManager<AppUser> signIn, IOptionsMonitor<BearerTokenOptions> bearer, TimeProvider clock)
    {
        var protector = bearer.Get(IdentityConstants.BearerScheme).RefreshTokenProtector;
        var ticket = protector.Unprotect(request.RefreshToken);
        if (ticket?.Properties.ExpiresUtc is not { } expires || clock.GetUtcNow() >= expires ||
            await signIn.ValidateSecurityStampAsync(ticket.Principal) is not { } user)
        {
            return TypedResults.Challenge();
        }
        var principal = await signIn.CreateUserPrincipalAsync(user);
        return TypedResults.SignIn(principal, authenticationScheme: IdentityConstants.BearerScheme);
    }

    private static async Task<Results<Ok<MeResponse>, UnauthorizedHttpResult>> MeAsync(
        System.Security.Claims.ClaimsPrincipal principal, AppDbContext db, CancellationToken ct)
    {
        var actor = await principal.GetActorAsync(db, ct);
        return actor is null ? TypedResults.Unauthorized() : TypedResults.Ok(await DescribeAsync(db, actor.UserId, ct));
    }

    private static Task<MeResponse> DescribeAsync(AppDbContext db, string userId, CancellationToken ct) =>
        db.Users.Where(u => u.Id == userId).Select(u => new MeResponse(
                u.Id, u.Email!, u.DisplayName, u.OrganizationId,
                u.Organization == null ? null : u.Organization.Name,
                u.Organization == null ? null : u.Organization.Kind.ToString(),
                u.Role.ToString(), u.IsPlatformAdmin)).FirstAsync(ct);
}
