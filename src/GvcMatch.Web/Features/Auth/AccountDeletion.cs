using System.Security.Cryptography;
using System.Text;
using GvcMatch.Web.Data;
using GvcMatch.Web.Features.Audit;
using GvcMatch.Web.Features.Conversations;
using GvcMatch.Web.Features.Email;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace GvcMatch.Web.Features.Auth;

public enum DeletionOutcome { Deleted, NotFound, WrongPassword, LastOwner }

/// <summary>
/// A person deletes their own account (Manage › Delete account, <c>DELETE /api/me</c>,
/// <c>POST /api/auth/delete-account</c>). The last owner of an organisation is refused: the
/// organisation would be left with nobody who can manage it, and handing it to someone
/// automatically would give a member rights nobody granted.
/// <para>
/// Otherwise the account is erased, not removed: its row stays as a tombstone whose only name is a
/// stable pseudonym ("Former member 3F9A2C"), so the messages the person wrote keep their text and
/// read as written by that pseudonym — the other party's record of a negotiation must stand — and
/// bids, offers, agreements and awards stay attributed to their organisations. Name, email, phone,
/// password and membership are wiped, so the email can register again and nothing signs in as the
/// tombstone; the person's own inbox, saved searches, read positions, emails not yet sent and
/// tokens go, and their sessions end.
/// </para>
/// </summary>
public sealed class AccountDeletion(AppDbContext db, UserManager<AppUser> users, AuditTrail audit, RefreshTokenStore tokens, SessionRevocation sessions)
{
    public const string FormerMember = "Former member";

    /// <summary>Far enough never to pass, and inside what both databases store (MaxValue is not, once rounded).</summary>
    private static readonly DateTimeOffset LockedForGood = new(9000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static string LastOwnerMessage(string organization) =>
        $"You are the last owner of {organization}. Make another member an owner first, or ask a platform admin to close the organisation.";

    /// <summary>The name a deleted person's messages keep: the same for one person every time, different between people.</summary>
    public static string Pseudonym(string userId) =>
        $"{FormerMember} {Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(userId)))[..6]}";

    public async Task<(DeletionOutcome Outcome, string? Organization)> DeleteAsync(string userId, string? password, CancellationToken ct)
    {
        var user = await users.FindByIdAsync(userId);
        if (user is null || user.Email is null) return (DeletionOutcome.NotFound, null);
        if (string.IsNullOrEmpty(password) || !await users.CheckPasswordAsync(user, password)) return (DeletionOutcome.WrongPassword, null);

        if (user is { Role: MemberRole.Owner, OrganizationId: { } orgId }
            && await db.Users.CountAsync(u => u.OrganizationId == orgId && u.Role == MemberRole.Owner, ct) <= 1)
        {
            var name = await db.Organizations.Where(o => o.Id == orgId).Select(o => o.Name).FirstAsync(ct);
            return (DeletionOutcome.LastOwner, name);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // Staged first, while the email can still be copied in: the trail keeps who was deleted.
        await audit.AddAsync(user.Id, AuditActions.AccountDeleted, AuditTarget.Of(user), user.OrganizationId,
            $"Erased; messages now read as \"{Pseudonym(user.Id)}\".", ct);
        await tokens.RemoveAllAsync(user.Id, ct);
        await db.Notifications.Where(n => n.UserId == user.Id).ExecuteDeleteAsync(ct);
        await db.SavedSearches.Where(s => s.UserId == user.Id).ExecuteDeleteAsync(ct);
        await db.Set<ConversationUserState>().Where(s => s.UserId == user.Id).ExecuteDeleteAsync(ct);
        await db.Set<NotificationPreferences.NotificationPreference>().Where(p => p.UserId == user.Id).ExecuteDeleteAsync(ct);
        await db.Set<NotificationPreferences.NotificationSettings>().Where(p => p.UserId == user.Id).ExecuteDeleteAsync(ct);
        var address = user.Email;
        await db.Set<EmailOutboxEntry>().Where(e => e.To == address && e.SentAt == null).ExecuteDeleteAsync(ct);
        await db.UserClaims.Where(c => c.UserId == user.Id).ExecuteDeleteAsync(ct);
        await db.UserLogins.Where(l => l.UserId == user.Id).ExecuteDeleteAsync(ct);
        await db.UserTokens.Where(t => t.UserId == user.Id).ExecuteDeleteAsync(ct);
        Erase(user);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        await sessions.EndedAsync(user.Id, ct);
        return (DeletionOutcome.Deleted, null);
    }

    private static void Erase(AppUser user)
    {
        user.DisplayName = Pseudonym(user.Id);
        user.Email = user.NormalizedEmail = null;
        user.UserName = user.NormalizedUserName = null;
        user.PhoneNumber = null;
        user.PasswordHash = null;
        user.EmailConfirmed = user.PhoneNumberConfirmed = user.TwoFactorEnabled = false;
        user.OrganizationId = null;
        user.Role = MemberRole.Member;
        user.IsPlatformAdmin = false;
        // Locked for good as well: no password, no email, and no way back in.
        user.LockoutEnabled = true;
        user.LockoutEnd = LockedForGood;
        SessionRevocation.NewStamp(user);
    }
}
