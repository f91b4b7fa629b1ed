using GvcMatch.Web.Data;
using GvcMatch.Web.Infrastructure;

namespace GvcMatch.Web.Features.Import;

public sealed partial class SeedImporter
{
    /// <summary>
    /// Users go through UserManager so passwords are hashed and the usual rules apply. An existing
    /// email is left alone: an import never resets a password or moves a person.
    /// </summary>
    private async Task ImportUsersAsync(
        List<SeedRow<UserRow>> rows, Dictionary<string, OrgRef> orgs, ImportReport report, Action<int> advance, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        foreach (var row in rows)
        {
            ct.ThrowIfCancellationRequested();
            var result = await ImportUserAsync(row, orgs);
            report.Users.Count(result.Outcome);
            report.Errors.AddRange(result.Errors);
            db.ChangeTracker.Clear();
            advance(1);
        }
    }

    private async Task<RowResult> ImportUserAsync(SeedRow<UserRow> row, Dictionary<string, OrgRef> orgs)
    {
        var v = row.Value;
        var errors = new Errors();
        errors.Required("email", v.Email, 256);
        errors.Required("password", v.Password, 128);
        errors.MaxLength("displayName", v.DisplayName, 100);
        OrgRef? org = null;
        if (!string.IsNullOrWhiteSpace(v.Organization) && !orgs.TryGetValue(v.Organization.Trim(), out org))
            errors.Add("organization", $"Unknown organisation '{v.Organization}'.");
        if (errors.Any) return Rejected(row, errors);

        var email = v.Email!.Trim();
        if (await users.FindByEmailAsync(email) is not null) return Ok(RowOutcome.Unchanged);

        var user = new AppUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = v.DisplayName?.Trim(),
            OrganizationId = org?.Id,
            Role = v.Role ?? MemberRole.Member,
            IsPlatformAdmin = v.IsAdmin,
        };
        var created = await users.CreateAsync(user, v.Password!);
        if (created.Succeeded) return Ok(RowOutcome.Created);
        foreach (var e in created.Errors)
            errors.Add(e.Code.Contains("Password", StringComparison.Ordinal) ? "password" : "email", e.Description);
        return Rejected(row, errors);
    }
}
