using System.Security.Claims;
using GvcMatch.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace GvcMatch.Web.Features.Localization;

/// <summary>
/// The signed-in person's saved language and time zone, read at most once per request: the
/// culture provider asks for the language before any page runs, the date formatting for the zone.
/// </summary>
public sealed class UserPreferences(IHttpContextAccessor http, AppDbContext db)
{
    public sealed record Saved(string? Language, string? TimeZone);

    private Saved? _saved;

    public async Task<Saved> GetAsync(CancellationToken ct = default)
    {
        if (_saved is not null) return _saved;
        var userId = http.HttpContext?.User.FindFirstValue(ClaimTypes.NameIdentifier);
        _saved = userId is null
            ? new Saved(null, null)
            : await db.Users.AsNoTracking().Where(u => u.Id == userId)
                .Select(u => new Saved(u.PreferredLanguage, u.PreferredTimeZone))
                .FirstOrDefaultAsync(ct) ?? new Saved(null, null);
        return _saved;
    }

    /// <summary>
    /// The zone without a wait: the culture provider reads a signed-in person's preferences before
    /// any page runs, so pages find them here; anyone else sees UTC.
    /// </summary>
    public TimeZoneInfo TimeZone =>
        _saved?.TimeZone is { } id && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : TimeZoneInfo.Utc;

    /// <summary>Forgets what was read, after the request itself saved new preferences.</summary>
    public void Forget() => _saved = null;
}
