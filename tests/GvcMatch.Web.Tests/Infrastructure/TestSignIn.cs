using System.Net.Http.Headers;
using System.Text.Encodings.Web;
using GvcMatch.Web.Data;
using GvcMatch.Web.Features.Auth;
using GvcMatch.Web.Infrastructure;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GvcMatch.Web.Tests.Infrastructure;

/// <summary>
/// Signs a test client in by naming the user, for tests that check something other than signing in.
/// A password sign-in costs a PBKDF2 hash, and a test suite that signs in hundreds of users spends
/// most of its time there. The scheme exists only in the test host (<see cref="GvcMatchApp"/>).
/// <para>
/// The credential is <c>Authorization: Bearer test:{userId}</c> (or <c>access_token=test:{userId}</c>
/// on the hub), so the app treats it as a bearer call: no cookie, so no antiforgery token. The
/// principal is the one a real sign-in gives (Identity's claims factory, security stamp included)
/// and goes through the same session check as a real token, so a password change, a removal from
/// the organisation or a lockout still ends it. Only the password is skipped.
/// </para>
/// </summary>
public sealed class TestSignIn(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    UserManager<AppUser> users, IUserClaimsPrincipalFactory<AppUser> principals, SessionValidator sessions)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Test";
    private const string Prefix = "test:";

    /// <summary>The value a test client sends after "Bearer " (and a hub client as its access token).</summary>
    public static string TokenFor(string userId) => Prefix + userId;

    /// <summary>Makes <paramref name="client"/> act as <paramref name="userId"/> on every request.</summary>
    public static HttpClient As(HttpClient client, string userId)
    {
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TokenFor(userId));
        return client;
    }

    /// <summary>True when the request carries a test credential; the test host routes it here before the app's own choice.</summary>
    public static bool Carries(HttpRequest request) => UserIdOf(request) is not null;

    private static string? UserIdOf(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        // As in the app, a token in the query counts on the hub path only.
        var token = header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header["Bearer ".Length..].Trim()
            : request.Path.StartsWithSegments(Hubs.NegotiationHub.Path) ? request.Query["access_token"].ToString() : "";
        return token.StartsWith(Prefix, StringComparison.Ordinal) ? token[Prefix.Length..] : null;
    }

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (UserIdOf(Request) is not { Length: > 0 } userId) return AuthenticateResult.NoResult();
        if (await users.FindByIdAsync(userId) is not { } user) return AuthenticateResult.Fail("No such user.");
        var principal = await principals.CreateAsync(user);
        if (await sessions.CheckAsync(principal, Context.RequestAborted) is { } ended) return AuthenticateResult.Fail(ended);
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    /// <summary>Registers the scheme and puts it in front of the app's cookie-or-bearer choice.</summary>
    public static void Register(IServiceCollection services)
    {
        services.AddAuthentication().AddScheme<AuthenticationSchemeOptions, TestSignIn>(SchemeName, null);
        services.PostConfigure<PolicySchemeOptions>(AuthRegistration.CookieOrBearer, o =>
        {
            var app = o.ForwardDefaultSelector;
            o.ForwardDefaultSelector = http => Carries(http.Request) ? SchemeName : app?.Invoke(http);
        });
        // Sign-up and the password sign-ins that remain hash passwords; one iteration keeps them
        // real (the same code, the same hash format) without PBKDF2's deliberate cost.
        services.Configure<PasswordHasherOptions>(o => o.IterationCount = 1);
    }
}
