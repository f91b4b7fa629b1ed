using GvcMatch.Web.Data;
using GvcMatch.Web.Features.Audit;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace GvcMatch.Web.Features.Auth;

/// <summary>
/// Identity's user manager with one rule added: a lockout ends the user's sessions. When a failed
/// sign-in (page or API, they share the counter) or an explicit lockout locks the account, the user
/// gets a new security stamp, so their access tokens, cookies and hub connections end too, and the
/// lockout is written to the audit trail. Locking is a sign that someone else is guessing or holds
/// the password; the owner signs in again once it is over.
/// </summary>
public sealed class AppUserManager : UserManager<AppUser>
{
    private readonly IServiceProvider _services;

    public AppUserManager(
        IUserStore<AppUser> store, IOptions<IdentityOptions> optionsAccessor, IPasswordHasher<AppUser> passwordHasher,
        IEnumerable<IUserValidator<AppUser>> userValidators, IEnumerable<IPasswordValidator<AppUser>> passwordValidators,
        ILookupNormalizer keyNormalizer, IdentityErrorDescriber errors, IServiceProvider services, ILogger<UserManager<AppUser>> logger)
        : base(store, optionsAccessor, passwordHasher, userValidators, passwordValidators, keyNormalizer, errors, services, logger)
    {
        _services = services;
    }

    public override async Task<IdentityResult> AccessFailedAsync(AppUser user)
    {
        var wasLocked = await IsLockedOutAsync(user);
        var result = await base.AccessFailedAsync(user);
        if (result.Succeeded && !wasLocked && await IsLockedOutAsync(user)) await EndSessionsAsync(user, "Too many failed sign-ins.");
        return result;
    }

    public override async Task<IdentityResult> SetLockoutEndDateAsync(AppUser user, DateTimeOffset? lockoutEnd)
    {
        var wasLocked = await IsLockedOutAsync(user);
        var result = await base.SetLockoutEndDateAsync(user, lockoutEnd);
        if (result.Succeeded && !wasLocked && await IsLockedOutAsync(user)) await EndSessionsAsync(user, "Locked until " + lockoutEnd?.ToString("O"));
        return result;
    }

    private async Task EndSessionsAsync(AppUser user, string reason)
    {
        var audit = _services.GetRequiredService<AuditTrail>();
        // No actor: whoever failed the sign-ins was not signed in; the entry keeps their address.
        await audit.AddAsync(null, AuditActions.AccountLockedOut, AuditTarget.Of(user), user.OrganizationId, reason, CancellationToken);
        // Saves the audit entry with the new stamp (both in the request's one DbContext).
        await UpdateSecurityStampAsync(user);
        await _services.GetRequiredService<SessionRevocation>().EndedAsync(user.Id, CancellationToken);
    }
}
