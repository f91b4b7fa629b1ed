using System.Security.Cryptography;
using GvcMatch.Web.Data;
using GvcMatch.Web.Hubs;

namespace GvcMatch.Web.Features.Auth;

/// <summary>
/// Ends sessions. A user's sessions end when their security stamp changes: Identity changes it on
/// a password change or reset, <see cref="AppUserManager"/> on a lockout, and the members API with
/// <see cref="NewStamp"/> on a removal. Once the change is saved, <see cref="EndedAsync"/> makes this
/// instance act on it at once (its cache and its hub connections); other instances act within
/// <see cref="SessionCheckOptions.CheckInterval"/> through <see cref="SessionValidator"/> and <see cref="HubSessions"/>.
/// </summary>
public sealed class SessionRevocation(SessionValidator validator, HubSessions hubs)
{
    /// <summary>Gives the user a new security stamp; the caller saves it with the change that ends the sessions.</summary>
    public static void NewStamp(AppUser user) => user.SecurityStamp = Convert.ToHexString(RandomNumberGenerator.GetBytes(20));

    /// <summary>After a save that changed the user's stamp (or deleted the user): this instance stops accepting the old sessions now.</summary>
    public async Task EndedAsync(string userId, CancellationToken ct = default)
    {
        validator.Forget(userId);
        await hubs.RecheckAsync(k => k.UserId == userId, ct);
    }

    /// <summary>After a token family was revoked: its access tokens and hub connections end now on this instance.</summary>
    public async Task FamilyRevokedAsync(string family, CancellationToken ct = default)
    {
        validator.Revoked(family);
        await hubs.RecheckAsync(k => k.Family == family, ct);
    }
}
