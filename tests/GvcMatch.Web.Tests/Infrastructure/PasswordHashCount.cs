using GvcMatch.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace GvcMatch.Web.Tests.Infrastructure;

/// <summary>
/// Counts the password hashes (hashing and verifying) every test host does, so the cost of
/// password sign-ins in the suite can be measured: with <c>GVCMATCH_TEST_HASH_COUNT=file</c> set,
/// the total is kept in that file as the suite runs, with the number of password
/// sign-ins the test scheme stood in for (each would have been one more hash).
/// </summary>
public sealed class PasswordHashCount(IOptions<PasswordHasherOptions>? options = null) : PasswordHasher<AppUser>(options)
{
    private static long _count;
    private static long _skipped;

    private static readonly string? File = Environment.GetEnvironmentVariable("GVCMATCH_TEST_HASH_COUNT") is { Length: > 0 } f ? f : null;
    private static readonly Lock Gate = new();

    /// <summary>Rewritten on every count: the test host process is not always ended in a way that runs exit handlers.</summary>
    private static void Save()
    {
        if (File is null) return;
        lock (Gate) System.IO.File.WriteAllText(File, $"hashes {Total}\npassword sign-ins skipped {Interlocked.Read(ref _skipped)}\n");
    }

    public static long Total => Interlocked.Read(ref _count);

    /// <summary>Called where the test scheme signs a client in instead of a password sign-in.</summary>
    public static void SignInSkipped()
    {
        Interlocked.Increment(ref _skipped);
        Save();
    }

    public override string HashPassword(AppUser user, string password)
    {
        Interlocked.Increment(ref _count);
        Save();
        return base.HashPassword(user, password);
    }

    public override PasswordVerificationResult VerifyHashedPassword(AppUser user, string hashedPassword, string providedPassword)
    {
        Interlocked.Increment(ref _count);
        Save();
        return base.VerifyHashedPassword(user, hashedPassword, providedPassword);
    }
}
