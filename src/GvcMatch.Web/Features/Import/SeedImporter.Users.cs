using GvcMatch.Web.Data;
using GvcMatch.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;

namespace GvcMatch.Web.Features.Import;

public sealed partial class SeedImporter
{
    private sealed record NewUser(SeedRow<UserRow> Row, AppUser User, string Password);

    /// <summary>
    /// Users go through UserManager so the usual account rules apply. An existing email is left
    /// alone: an import never resets a password or moves a person. Password hashing is deliberately
    /// slow (tens of milliseconds each), so the hashes of a chunk are computed in parallel first.
    /// </summary>
    private async Task ImportUsersAsync(
        List<SeedRow<UserRow>> rows, Dictionary<string, OrgRef> orgs, ImportOrigin origin, ImportReport report, Action<int> advance, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        var pending = new List<NewUser>();
        var seen = new Dictionary<string, SeedRow<UserRow>>(StringComparer.OrdinalIgnoreCase);
        foreach (var row in rows)
        {
            var (result, user) = await CheckUserAsync(row, orgs, seen);
            if (user is { IsPlatformAdmin: true } && origin != ImportOrigin.Command)
            {
                user.IsPlatformAdmin = false;
                report.Ignored.Add(new ImportError(row.File, row.Line, "isAdmin",
                    "Ignored: platform admins are made only by the `import` command run on the server."));
            }
            if (user is null)
            {
                report.Users.Count(result!.Outcome);
                report.Errors.AddRange(result.Errors);
                advance(1);
            }
            else pending.Add(new NewUser(row, user, row.Value.Password!));
        }

        // UserManager saves each user on its own; a transaction per batch makes the batch (and what
        // BeforeBatchSave stages with its last save) commit together, or not at all. The slow hashing
        // is done before the transaction opens, so other writers wait only for the inserts.
        foreach (var batch in pending.Chunk(BatchSize))
        {
            foreach (var chunk in batch.Chunk(Math.Max(4, Environment.ProcessorCount * 4)))
            {
                ct.ThrowIfCancellationRequested();
                Parallel.ForEach(chunk, n => n.User.PasswordHash = users.PasswordHasher.HashPassword(n.User, n.Password));
            }
            var results = new List<RowResult>(batch.Length);
            await using (var tx = await db.Database.BeginTransactionAsync(ct))
            {
                foreach (var n in batch)
                {
                    // The hash is set, so CreateAsync only validates the user, stamps it and stores it.
                    var created = await users.CreateAsync(n.User);
                    results.Add(created.Succeeded ? Ok(RowOutcome.Created) : Rejected(n.Row, IdentityErrors(created)));
                    db.ChangeTracker.Clear();
                }
                var written = ImportBatch.Of("Users", results.Select(r => r.Outcome));
                if (BeforeBatchSave is { } record && written.Writes)
                {
                    await record(written, ct);
                    await db.SaveChangesAsync(ct);
                    db.ChangeTracker.Clear();
                }
                await tx.CommitAsync(ct);
            }
            // Counted once committed: a batch that failed is in no count.
            foreach (var result in results)
            {
                report.Users.Count(result.Outcome);
                report.Errors.AddRange(result.Errors);
                advance(1);
            }
        }
    }

    /// <summary>Returns the user to create, or the row's result when there is nothing to create.</summary>
    private async Task<(RowResult? Result, AppUser? User)> CheckUserAsync(
        SeedRow<UserRow> row, Dictionary<string, OrgRef> orgs, Dictionary<string, SeedRow<UserRow>> seen)
    {
        var v = row.Value;
        var errors = new Errors();
        errors.Required("email", v.Email, 256);
        errors.Required("password", v.Password, 128);
        errors.MaxLength("displayName", v.DisplayName, 100);
        OrgRef? org = null;
        if (!string.IsNullOrWhiteSpace(v.Organization) && !orgs.TryGetValue(v.Organization.Trim(), out org))
            errors.Add("organization", $"Unknown organisation '{v.Organization}'.");
        var email = v.Email?.Trim() ?? "";
        if (email.Length > 0 && seen.TryGetValue(email, out var first))
            errors.Add("email", $"The email '{email}' is used again (first at {first.Where}).");
        if (errors.Any) return (Rejected(row, errors), null);
        seen[email] = row;

        if (await users.FindByEmailAsync(email) is not null) return (Ok(RowOutcome.Unchanged), null);
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
        var failures = new List<IdentityError>();
        foreach (var validator in users.PasswordValidators)
        {
            var checkedPassword = await validator.ValidateAsync(users, user, v.Password!);
            failures.AddRange(checkedPassword.Errors);
        }
        if (failures.Count > 0) return (Rejected(row, IdentityErrors(IdentityResult.Failed([.. failures]))), null);
        return (null, user);
    }

    private static Errors IdentityErrors(IdentityResult result)
    {
        var errors = new Errors();
        foreach (var e in result.Errors)
            errors.Add(e.Code.Contains("Password", StringComparison.Ordinal) ? "password" : "email", e.Description);
        return errors;
    }
}
