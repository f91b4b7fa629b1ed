using GvcMatch.Web.Data;
using GvcMatch.Web.Features.Organizations;
using GvcMatch.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;

namespace GvcMatch.Web.Features.Auth;

public sealed record RegisterRequest(string Email, string Password, string? DisplayName, OrganizationInput Organization);

public enum SignUpOutcome
{
    /// <summary>The request was invalid; nothing was created.</summary>
    Invalid,

    /// <summary>
    /// Accepted: either the account and its organisation were created, or the email already had an
    /// account and its owner was emailed. Callers answer both the same way.
    /// </summary>
    Accepted,
}

/// <summary>Sign-up creates the person and their organisation together; the person becomes its owner.</summary>
public sealed class Registration(AppDbContext db, UserManager<AppUser> users, ReferenceData.ReferenceData reference, TimeProvider clock,
    AccountEmails emails)
{
    /// <summary>
    /// Sign-up from outside (the API and the page). Whether the email already has an account does
    /// not show in the answer: every request that passes the checks which do not depend on the
    /// address being taken is <see cref="SignUpOutcome.Accepted"/>. A taken address gets a "you
    /// already have an account" email instead of a second account, and costs the same password hash.
    /// </summary>
    public async Task<(SignUpOutcome Outcome, Errors Errors)> SignUpAsync(RegisterRequest request, CancellationToken ct)
    {
        var errors = Validate(request);
        if (!errors.Any && !new System.ComponentModel.DataAnnotations.EmailAddressAttribute().IsValid(request.Email.Trim()))
            errors.Add("email", $"Email '{request.Email.Trim()}' is invalid.");
        if (!errors.Any)
        {
            foreach (var validator in users.PasswordValidators)
            {
                var result = await validator.ValidateAsync(users, new AppUser(), request.Password);
                foreach (var e in result.Errors) errors.Add("password", e.Description);
            }
        }
        if (errors.Any) return (SignUpOutcome.Invalid, errors);

        if (await users.FindByEmailAsync(request.Email.Trim()) is { } existing)
        {
            await AlreadyRegisteredAsync(existing.Email!, request.Password, ct);
            return (SignUpOutcome.Accepted, errors);
        }
        var (user, createErrors, duplicate) = await CreateAsync(request, ct);
        if (duplicate)
        {
            // Registered by a concurrent request between the look-up and the insert.
            await AlreadyRegisteredAsync(request.Email.Trim(), request.Password, ct);
            return (SignUpOutcome.Accepted, new Errors());
        }
        if (user is null) return (SignUpOutcome.Invalid, createErrors);
        await emails.QueueConfirmationAsync(user, ct);
        return (SignUpOutcome.Accepted, createErrors);
    }

    /// <summary>
    /// Creates the account and its organisation, or says why not (including that the email is
    /// taken). For trusted callers (seeding, benchmarks, tests); outside requests go through
    /// <see cref="SignUpAsync"/>.
    /// </summary>
    public async Task<(AppUser? User, Errors Errors)> RegisterAsync(RegisterRequest request, CancellationToken ct)
    {
        var errors = Validate(request);
        if (errors.Any) return (null, errors);
        var (user, createErrors, _) = await CreateAsync(request, ct);
        return (user, createErrors);
    }

    private Errors Validate(RegisterRequest request)
    {
        var errors = new Errors();
        errors.Required("email", request.Email, 256);
        errors.Required("password", request.Password, 128);
        errors.MaxLength("displayName", request.DisplayName, 100);
        if (request.Organization is null) errors.Add("organization", "Describe the organisation you register.");
        else request.Organization.Validate(errors, reference, "organization.");
        return errors;
    }

    private async Task<(AppUser? User, Errors Errors, bool Duplicate)> CreateAsync(RegisterRequest request, CancellationToken ct)
    {
        var errors = new Errors();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var now = clock.GetUtcNow();
        var input = request.Organization!;
        var prefix = input.Kind switch { OrganizationKind.Sme => "sme", OrganizationKind.Mne => "mne", _ => "int" };
        var org = new Organization
        {
            Key = Slug.NewKey($"{prefix}-{input.Country.ToLowerInvariant()}", input.Name),
            Kind = input.Kind, Name = "", Country = "", CreatedAt = now, UpdatedAt = now,
        };
        input.ApplyTo(org);
        db.Organizations.Add(org);
        await db.SaveChangesAsync(ct);

        var user = new AppUser
        {
            UserName = request.Email.Trim(),
            Email = request.Email.Trim(),
            DisplayName = request.DisplayName?.Trim(),
            OrganizationId = org.Id,
            Role = MemberRole.Owner,
        };
        var result = await users.CreateAsync(user, request.Password);
        if (!result.Succeeded)
        {
            // Rolled back with the transaction: the organisation goes too. The context forgets it as well.
            db.ChangeTracker.Clear();
            var duplicate = result.Errors.Any(e => e.Code is nameof(IdentityErrorDescriber.DuplicateEmail) or nameof(IdentityErrorDescriber.DuplicateUserName));
            foreach (var e in result.Errors)
                errors.Add(e.Code.Contains("Password", StringComparison.Ordinal) ? "password" : "email", e.Description);
            return (null, errors, duplicate);
        }
        await tx.CommitAsync(ct);
        return (user, errors, false);
    }

    private async Task AlreadyRegisteredAsync(string email, string password, CancellationToken ct)
    {
        // The work a new account costs (a password hash), then the email to the address's owner.
        users.PasswordHasher.HashPassword(new AppUser(), password);
        await emails.QueueAlreadyRegisteredAsync(email, ct);
    }
}
