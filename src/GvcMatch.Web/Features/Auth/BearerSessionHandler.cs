using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace GvcMatch.Web.Features.Auth;

/// <summary>
/// Bearer tokens with a session check. Identity's bearer handler only checks that a token is
/// genuine and unexpired, so a token would outlive a password change by up to an hour. This scheme
/// runs that handler, then asks <see cref="SessionValidator"/> whether the token's session is still
/// alive (security stamp, lockout, token family); a dead one authenticates nobody, which gives 401.
/// Challenges and forbids go to the bearer handler unchanged.
/// </summary>
public sealed class BearerSessionHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, SessionValidator sessions)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "BearerSession";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var inner = await Context.AuthenticateAsync(IdentityConstants.BearerScheme);
        if (!inner.Succeeded) return inner;
        if (await sessions.CheckAsync(inner.Principal, Context.RequestAborted) is { } ended) return AuthenticateResult.Fail(ended);
        return AuthenticateResult.Success(new AuthenticationTicket(inner.Principal, inner.Properties, SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties) => Context.ChallengeAsync(IdentityConstants.BearerScheme, properties);

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) => Context.ForbidAsync(IdentityConstants.BearerScheme, properties);
}
