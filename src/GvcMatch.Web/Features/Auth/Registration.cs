using GvcMatch.Web.Data;
using GvcMatch.Web.Features.Organizations;
using GvcMatch.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;

namespace GvcMatch.Web.Features.Auth;

public sealed record RegisterRequest(string Email, string Password, string? DisplayName, OrganizationInput Organization);

/// <summary>Sign-up creates the person and their organisation together; the person becomes its owner.</summary>
public sealed class Registration(AppDbContext db, UserManager<AppUser> users, ReferenceData.ReferenceData reference, TimeProvider clock)
{
    public async Task<(AppUser? User, Errors Errors)> RegisterAsync(RegisterRequest request, CancellationToken ct)
    {
        var errors = new Errors();
        errors.Required("email", request.Email, 256);
        errors.Required("password", request.Password, 128);
        errors.MaxLength("displayName", request.DisplayName, 100);
        if (request.Organization is null) errors.Add("organization", "Describe the organisation you register.");
        else request.Organization.Validate(errors, reference, "organization.");
        if (errors.Any) return (null, errors);

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
            foreach (var e in result.Errors)
                errors.Add(e.Code.Contains("Password", StringComparison.Ordinal) ? "password" : "email", e.Description);
            return (null, errors);
        }
        await tx.CommitAsync(ct);
        return (user, errors);
    }
}
