using GvcMatch.Web.Data;
using GvcMatch.Web.Features.Audit;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace GvcMatch.Web.Features.Auth;

public enum DeletionOutcome { Deleted, NotFound, WrongPassword, LastOwner }

/// <summary>
/// A person deletes their own account (the Manage page and <c>DELETE /api/auth/me</c>). The last
/// owner of an organisation is refused: the organisation would be left with nobody who can manage
/// it, and handing it to someone automatically would give a member rights nobody granted. The owner
/// first makes another member an owner (<c>PUT /api/organizations/{id}/members/{userId}</c>); an
/// organisation with no other member is closed by a platform admin.
/// </summary>
public sealed class AccountDeletion(AppDbContext db, UserManager<AppUser> users, AuditTrail audit, RefreshTokenStore tokens, SessionRevocation sessions)
{
    public static string LastOwnerMessage(string organization) =>
        $"You are the last owner of {organization}. Make another member an owner first, or ask a platform admin to close the organisation.";

    public async Task<(DeletionOutcome Outcome, string? Organization)> DeleteAsync(string userId, string? password, CancellationToken ct)
    {
        var user = await users.FindByIdAsync(userId);
        if (user is null) return (DeletionOutcome.NotFound, null);
        if (string.IsNullOrEmpty(password) || !await users.CheckPasswordAsync(user, password)) return (DeletionOutcome.WrongPassword, null);

        if (user is { Role: MemberRole.Owner, OrganizationId: { } orgId }
            && await db.Users.CountAsync(u => u.OrganizationId == orgId && u.Role == MemberRole.Owner, ct) <= 1)
        {
            var name = await db.Organizations.Where(o => o.Id == orgId).Select(o => o.Name).FirstAsync(ct);
            return (DeletionOutcome.LastOwner, name);
        }

        await audit.AddAsync(user.Id, AuditActions.AccountDeleted, AuditTarget.Of(user), user.OrganizationId, ct: ct);
        await tokens.RemoveAllAsync(user.Id, ct);
        // Saves the audit entry with the deletion.
        var result = await users.DeleteAsync(user);
        if (!result.Succeeded) throw new InvalidOperationException("Deleting the account failed: " + string.Join("; ", result.Errors.Select(e => e.Description)));
        await sessions.EndedAsync(user.Id, ct);
        return (DeletionOutcome.Deleted, null);
    }
}
