using System.Collections.Concurrent;
using System.Security.Claims;
using GvcMatch.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace GvcMatch.Web.Features.Auth;

/// <summary>What a principal claims about its session: the user, the security stamp it was issued with, its token family.</summary>
public sealed record SessionKey(string UserId, string? Stamp, string? Family)
{
    public static SessionKey? From(ClaimsPrincipal principal, ClaimsIdentityOptions claims) =>
        principal.FindFirstValue(claims.UserIdClaimType) is { } userId
            ? new SessionKey(userId, principal.FindFirstValue(claims.SecurityStampClaimType), principal.FindFirstValue(RefreshTokenStore.FamilyClaim))
            : null;
}

/// <summary>
/// Decides whether a signed-in principal's session is still alive: the user exists, is not locked
/// out, still has the security stamp the token or cookie was issued with (a password change, a
/// reset, a removal from the organisation and a lockout all give the user a new stamp), and the
/// token's refresh family has not been revoked. Answers are cached per user and family for at most
/// <see cref="SessionCheckOptions.CheckInterval"/>; the instance that ends a session forgets them at once
/// (<see cref="Forget"/>), other instances notice within the interval.
/// </summary>
public sealed class SessionValidator(IServiceScopeFactory scopes, IOptions<IdentityOptions> identity, IOptionsMonitor<SessionCheckOptions> options, TimeProvider clock)
{
    private const int MaxCached = 50_000;

    private sealed record UserState(string? Stamp, DateTimeOffset? LockoutEnd, DateTimeOffset FetchedAt);

    private sealed record FamilyState(bool Revoked, DateTimeOffset FetchedAt);

    private readonly ConcurrentDictionary<string, UserState> _users = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, FamilyState> _families = new(StringComparer.Ordinal);

    public ClaimsIdentityOptions Claims => identity.Value.ClaimsIdentity;

    /// <summary>Null when the session is alive; otherwise why it ended.</summary>
    public async Task<string?> CheckAsync(ClaimsPrincipal principal, CancellationToken ct)
    {
        if (SessionKey.From(principal, Claims) is not { } key) return "The token names no user.";
        var now = clock.GetUtcNow();
        var ttl = options.CurrentValue.CheckInterval;
        if (!_users.TryGetValue(key.UserId, out var user) || now - user.FetchedAt >= ttl)
        {
            user = await LoadUserAsync(key.UserId, now, ct);
            Remember(_users, key.UserId, user);
        }
        var family = (FamilyState?)null;
        if (key.Family is not null && (!_families.TryGetValue(key.Family, out family) || (!family.Revoked && now - family.FetchedAt >= ttl)))
        {
            family = await LoadFamilyAsync(key.Family, now, ct);
            Remember(_families, key.Family, family);
        }
        return Judge(key, user, family?.Revoked == true, now);
    }

    /// <summary>
    /// Checks many sessions against the database without the cache (the hub sweep): returns the
    /// keys whose session has ended, each with the reason.
    /// </summary>
    public async Task<IReadOnlyDictionary<SessionKey, string>> CheckFreshAsync(IReadOnlyCollection<SessionKey> keys, CancellationToken ct)
    {
        var ended = new Dictionary<SessionKey, string>();
        if (keys.Count == 0) return ended;
        var now = clock.GetUtcNow();
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var userIds = keys.Select(k => k.UserId).Distinct().ToList();
        var families = keys.Where(k => k.Family is not null).Select(k => k.Family!).Distinct().ToList();
        var users = new Dictionary<string, UserState>(StringComparer.Ordinal);
        foreach (var chunk in userIds.Chunk(500))
        {
            foreach (var u in await db.Users.AsNoTracking().Where(u => chunk.Contains(u.Id))
                         .Select(u => new { u.Id, u.SecurityStamp, u.LockoutEnd }).ToListAsync(ct))
                users[u.Id] = new UserState(u.SecurityStamp, u.LockoutEnd, now);
        }
        var revoked = new HashSet<string>(StringComparer.Ordinal);
        foreach (var chunk in families.Chunk(500))
        {
            revoked.UnionWith(await db.Set<RefreshToken>().AsNoTracking().Where(t => chunk.Contains(t.FamilyId) && t.RevokedAt != null)
                .Select(t => t.FamilyId).Distinct().ToListAsync(ct));
        }
        foreach (var key in keys)
        {
            var user = users.GetValueOrDefault(key.UserId) ?? new UserState(null, null, now);
            Remember(_users, key.UserId, user);
            if (key.Family is not null) Remember(_families, key.Family, new FamilyState(revoked.Contains(key.Family), now));
            if (Judge(key, user, key.Family is not null && revoked.Contains(key.Family), now) is { } reason) ended[key] = reason;
        }
        return ended;
    }

    /// <summary>Drops what is cached about a user, so the next check on this instance reads the database.</summary>
    public void Forget(string userId) => _users.TryRemove(userId, out _);

    /// <summary>Marks a token family revoked on this instance at once.</summary>
    public void Revoked(string family) => _families[family] = new FamilyState(true, clock.GetUtcNow());

    private static string? Judge(SessionKey key, UserState user, bool familyRevoked, DateTimeOffset now)
    {
        if (user.Stamp is null) return "The account no longer exists.";
        if (user.LockoutEnd is { } end && end > now) return "The account is locked.";
        if (!string.Equals(user.Stamp, key.Stamp, StringComparison.Ordinal)) return "The session has ended: the password, the membership or the lockout state changed.";
        if (familyRevoked) return "The session has ended: its refresh token was used twice.";
        return null;
    }

    private async Task<UserState> LoadUserAsync(string userId, DateTimeOffset now, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var row = await db.Users.AsNoTracking().Where(u => u.Id == userId)
            .Select(u => new { u.SecurityStamp, u.LockoutEnd }).FirstOrDefaultAsync(ct);
        return new UserState(row?.SecurityStamp, row?.LockoutEnd, now);
    }

    private async Task<FamilyState> LoadFamilyAsync(string family, DateTimeOffset now, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var revoked = await db.Set<RefreshToken>().AsNoTracking().AnyAsync(t => t.FamilyId == family && t.RevokedAt != null, ct);
        return new FamilyState(revoked, now);
    }

    private static void Remember<T>(ConcurrentDictionary<string, T> cache, string key, T value)
    {
        // A bound on memory, not an eviction policy: past it the cache starts again empty.
        if (cache.Count >= MaxCached) cache.Clear();
        cache[key] = value;
    }
}
