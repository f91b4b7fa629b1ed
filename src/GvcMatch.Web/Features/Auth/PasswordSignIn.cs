using GvcMatch.Web.Data;
using Microsoft.AspNetCore.Identity;

namespace GvcMatch.Web.Features.Auth;

public enum PasswordOutcome { Succeeded, Failed, LockedOut, NotAllowed }

/// <summary>
/// The one password check behind every way in (the sign-in page and <c>POST /api/auth/login</c>),
/// so both count failures on the same account counter: the fifth failure in a row locks the
/// account, whichever door it came through. Both doors also share the <c>auth</c> rate-limit
/// policy. An unknown email costs the same password hash as a known one, so the answer's timing
/// does not tell whether an account exists.
/// </summary>
public sealed class PasswordSignIn(UserManager<AppUser> users, SignInManager<AppUser> signIn)
{
    private static string? _dummyHash;

    public async Task<(PasswordOutcome Outcome, AppUser? User)> CheckAsync(string? email, string? password)
    {
        email = email?.Trim() ?? "";
        password ??= "";
        var user = email.Length is > 0 and <= 256 ? await users.FindByNameAsync(email) ?? await users.FindByEmailAsync(email) : null;
        if (user is null || await users.IsLockedOutAsync(user) || !await signIn.CanSignInAsync(user))
        {
            // The same work as a real check, so a missing or locked account answers as slowly.
            HashDummy(password);
            if (user is null) return (PasswordOutcome.Failed, null);
            return await users.IsLockedOutAsync(user) ? (PasswordOutcome.LockedOut, null) : (PasswordOutcome.NotAllowed, null);
        }
        var result = await signIn.CheckPasswordSignInAsync(user, password, lockoutOnFailure: true);
        if (result.IsLockedOut) return (PasswordOutcome.LockedOut, null);
        if (!result.Succeeded) return (PasswordOutcome.Failed, null);
        // Two-factor sign-in is not offered (no page, no API step): an account that had it switched
        // on elsewhere is refused rather than let in on the password alone.
        if (await users.GetTwoFactorEnabledAsync(user)) return (PasswordOutcome.NotAllowed, null);
        return (PasswordOutcome.Succeeded, user);
    }

    /// <summary>Verifies <paramref name="password"/> against a hash no password matches: the cost of a real check.</summary>
    public void HashDummy(string password)
    {
        var hash = _dummyHash ??= users.PasswordHasher.HashPassword(new AppUser(), Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)));
        users.PasswordHasher.VerifyHashedPassword(new AppUser(), hash, password);
    }

    public static string Describe(PasswordOutcome outcome) => outcome switch
    {
        PasswordOutcome.LockedOut => "Too many failed sign-ins: the account is locked for a few minutes.",
        PasswordOutcome.NotAllowed => "This account cannot sign in here. Ask a platform admin.",
        _ => "Email or password is wrong.",
    };
}
