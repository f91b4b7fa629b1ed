using System.Security.Cryptography;
using GvcMatch.Web.Data;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.Extensions.Options;

namespace GvcMatch.Web.Features.Auth;

/// <summary>
/// One refresh token the API has handed out. The token itself is the bearer handler's protected
/// ticket; the row makes it single-use: a sign-in starts a family, each refresh marks its token
/// used and issues the next one in the same family, and presenting a used (or revoked) token again
/// revokes the whole family, since then two parties hold tokens of one session.
/// </summary>
public sealed class RefreshToken
{
    /// <summary>Random id carried in the ticket as the <see cref="RefreshTokenStore.TokenClaim"/> claim.</summary>
    public required string Id { get; set; }
    public required string FamilyId { get; set; }
    public required string UserId { get; set; }
    public DateTimeOffset IssuedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    public DateTimeOffset? UsedAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
}

internal sealed class RefreshTokenConfiguration : IEntityTypeConfiguration<RefreshToken>
{
    public void Configure(EntityTypeBuilder<RefreshToken> b)
    {
        b.ToTable("RefreshTokens");
        b.Property(t => t.Id).HasMaxLength(64);
        b.Property(t => t.FamilyId).HasMaxLength(64);
        b.Property(t => t.UserId).HasMaxLength(450);
        b.HasIndex(t => t.FamilyId);
        b.HasIndex(t => new { t.UserId, t.ExpiresAt });
    }
}

public enum RefreshUse
{
    /// <summary>The token was live and is now used; issue the next one in its family.</summary>
    Used,

    /// <summary>No such token (forged id, or pruned after expiry).</summary>
    Unknown,

    /// <summary>The token was used before: its family is now revoked.</summary>
    Replayed,

    /// <summary>The token's family was revoked before (a replay, a sign-out): nothing more to do.</summary>
    Revoked,
}

public sealed class RefreshTokenStore(AppDbContext db, IOptionsMonitor<BearerTokenOptions> bearer, TimeProvider clock)
{
    public const string TokenClaim = "gvc:rt";
    public const string FamilyClaim = "gvc:rtf";

    private DbSet<RefreshToken> Tokens => db.Set<RefreshToken>();

    /// <summary>
    /// Records a new refresh token (in a new family when <paramref name="family"/> is null) and
    /// adds its id and family to <paramref name="principal"/>, whose tickets (access and refresh)
    /// then carry them. Saved before it returns, so the token works as soon as the client has it.
    /// </summary>
    public async Task IssueAsync(System.Security.Claims.ClaimsPrincipal principal, string userId, string? family, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        // Expired rows of this user go as new ones come: the table holds live sessions, not history.
        await Tokens.Where(t => t.UserId == userId && t.ExpiresAt < now).ExecuteDeleteAsync(ct);
        var token = new RefreshToken
        {
            Id = NewId(),
            FamilyId = family ?? NewId(),
            UserId = userId,
            IssuedAt = now,
            ExpiresAt = now + bearer.Get(IdentityConstants.BearerScheme).RefreshTokenExpiration,
        };
        Tokens.Add(token);
        await db.SaveChangesAsync(ct);
        var identity = (System.Security.Claims.ClaimsIdentity)principal.Identity!;
        identity.AddClaim(new(TokenClaim, token.Id));
        identity.AddClaim(new(FamilyClaim, token.FamilyId));
    }

    /// <summary>
    /// Uses the token once. The conditional update makes two concurrent uses of one token end as
    /// one <see cref="RefreshUse.Used"/> and one <see cref="RefreshUse.Replayed"/>.
    /// </summary>
    public async Task<(RefreshUse Use, RefreshToken? Token)> UseAsync(string tokenId, string userId, CancellationToken ct)
    {
        var token = await Tokens.AsNoTracking().FirstOrDefaultAsync(t => t.Id == tokenId && t.UserId == userId, ct);
        if (token is null) return (RefreshUse.Unknown, null);
        if (token.RevokedAt is not null) return (RefreshUse.Revoked, token);
        var now = clock.GetUtcNow();
        var used = token.UsedAt is null && await Tokens
            .Where(t => t.Id == tokenId && t.UsedAt == null && t.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.UsedAt, now), ct) == 1;
        if (used) return (RefreshUse.Used, token);
        if (await Tokens.AnyAsync(t => t.Id == tokenId && t.RevokedAt != null, ct)) return (RefreshUse.Revoked, token);
        await RevokeFamilyAsync(token.FamilyId, ct);
        return (RefreshUse.Replayed, token);
    }

    public async Task RevokeFamilyAsync(string family, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await Tokens.Where(t => t.FamilyId == family && t.RevokedAt == null).ExecuteUpdateAsync(s => s.SetProperty(t => t.RevokedAt, now), ct);
    }

    public Task RemoveAllAsync(string userId, CancellationToken ct) => Tokens.Where(t => t.UserId == userId).ExecuteDeleteAsync(ct);

    private static string NewId() => Convert.ToHexString(RandomNumberGenerator.GetBytes(20));
}
