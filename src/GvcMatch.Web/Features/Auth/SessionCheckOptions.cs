using System.ComponentModel.DataAnnotations;

namespace GvcMatch.Web.Features.Auth;

/// <summary>Bound from the "Sessions" section; validated at start-up.</summary>
public sealed class SessionCheckOptions : IValidatableObject
{
    public const string Section = "Sessions";

    /// <summary>
    /// How stale a session check may be. Every instance re-reads a signed-in user's security stamp,
    /// lockout and token family at least this often, and closes hub connections whose session has
    /// ended at least this often, so a password change, a removal from the organisation or a
    /// lockout made on another instance ends the user's tokens, cookies and hub connections within
    /// this time (on the instance that made the change, at once). At most one minute.
    /// </summary>
    public TimeSpan CheckInterval { get; set; } = TimeSpan.FromSeconds(30);

    public IEnumerable<ValidationResult> Validate(ValidationContext context)
    {
        if (CheckInterval < TimeSpan.FromMilliseconds(100) || CheckInterval > TimeSpan.FromMinutes(1))
            yield return new("Sessions:CheckInterval must be from 00:00:00.1 to 00:01:00.", [nameof(CheckInterval)]);
    }
}
