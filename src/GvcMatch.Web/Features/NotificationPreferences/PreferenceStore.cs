using GvcMatch.Web.Data;
using GvcMatch.Web.Features.Email;
using GvcMatch.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GvcMatch.Web.Features.NotificationPreferences;

/// <summary>A person's choices as the API and the page show them: every kind, with its delivery.</summary>
/// <param name="ConcurrencyStamp">The version of all the choices: sent as the ETag, carried by the page's form, never in the body.</param>
public sealed record NotificationPreferencesDto(string? TimeZone, IReadOnlyDictionary<string, Delivery> Preferences,
    [property: System.Text.Json.Serialization.JsonIgnore] Guid ConcurrencyStamp = default);

/// <summary>A change: the kinds named get the delivery given (others stay); a time zone, when given, replaces the stored one ("" clears it).</summary>
public sealed record NotificationPreferencesInput(string? TimeZone, IReadOnlyDictionary<string, string>? Preferences);

/// <summary>Reads and writes the notification preferences; shared by the API and the account page.</summary>
public sealed class PreferenceStore(AppDbContext db, TimeProvider clock)
{
    public async Task<NotificationPreferencesDto> GetAsync(string userId, CancellationToken ct)
    {
        var stored = await db.Set<NotificationPreference>().AsNoTracking().Where(p => p.UserId == userId).ToDictionaryAsync(p => p.Kind, p => p.Delivery, ct);
        var settings = await db.Set<NotificationSettings>().AsNoTracking().Where(s => s.UserId == userId)
            .Select(s => new { s.TimeZone, s.ConcurrencyStamp }).FirstOrDefaultAsync(ct);
        // Someone who never saved reads the defaults, whose version is the empty stamp.
        return new(settings?.TimeZone, EmailOptions.AllKinds.ToDictionary(k => k, k => stored.GetValueOrDefault(k, Delivery.Immediately)),
            settings?.ConcurrencyStamp ?? Guid.Empty);
    }

    private const string What = "your notification preferences";

    /// <summary>
    /// Checks every entry first and changes nothing when one is wrong (the refusal names the fields),
    /// or when <paramref name="expected"/> names a version someone has since replaced (412).
    /// Every save replaces the version, kinds and time zone alike.
    /// </summary>
    public async Task<Refusal?> SaveAsync(string userId, NotificationPreferencesInput input, IfMatch expected, CancellationToken ct)
    {
        var errors = new Errors();
        var wanted = new Dictionary<string, Delivery>();
        foreach (var (kind, value) in input.Preferences ?? new Dictionary<string, string>())
        {
            if (!EmailOptions.AllKinds.Contains(kind)) errors.Add($"preferences.{kind}", $"Unknown notification type '{kind}'; the types are {string.Join(", ", EmailOptions.AllKinds)}.");
            else if (!ParseDelivery(value, out var delivery)) errors.Add($"preferences.{kind}", $"Unknown delivery '{value}'; choose {string.Join(", ", Enum.GetNames<Delivery>())}.");
            else wanted[kind] = delivery;
        }
        var zone = input.TimeZone?.Trim();
        if (!string.IsNullOrEmpty(zone) && !TimeZoneInfo.TryFindSystemTimeZoneById(zone, out _))
            errors.Add("timeZone", $"Unknown time zone '{zone}'; use an IANA name such as Europe/Berlin.");
        if (errors.Any) return Refusal.Invalid(errors);

        var settings = await db.Set<NotificationSettings>().FirstOrDefaultAsync(s => s.UserId == userId, ct);
        if (expected.Check(settings?.ConcurrencyStamp ?? Guid.Empty, What) is { } stale) return stale;
        var now = clock.GetUtcNow();
        var stored = await db.Set<NotificationPreference>().Where(p => p.UserId == userId).ToDictionaryAsync(p => p.Kind, ct);
        foreach (var (kind, delivery) in wanted)
        {
            if (stored.TryGetValue(kind, out var row))
            {
                if (row.Delivery == delivery) continue;
                row.Delivery = delivery;
                row.ChangedAt = now;
            }
            else if (delivery != Delivery.Immediately)
            {
                db.Add(new NotificationPreference { UserId = userId, Kind = kind, Delivery = delivery, ChangedAt = now });
            }
        }
        if (settings is null) db.Add(settings = new NotificationSettings { UserId = userId });
        if (zone is not null) settings.TimeZone = zone.Length == 0 ? null : zone;
        settings.ConcurrencyStamp = Guid.NewGuid();
        try
        {
            return await db.SaveVersionedAsync(What, ct);
        }
        catch (DbUpdateException) when (db.Entry(settings).State == EntityState.Added)
        {
            // Two first saves at once: the other one created the settings row, so this one's version is stale.
            return Refusal.Stale($"Someone else saved {What} at the same moment; reload them to see the change, then make yours again.");
        }
    }

    /// <summary>The people among <paramref name="userIds"/> who want <paramref name="kind"/> emailed at once.</summary>
    public static async Task<List<string>> ImmediateAsync(AppDbContext db, IReadOnlyCollection<string> userIds, string kind, CancellationToken ct)
    {
        var elsewhere = await db.Set<NotificationPreference>().AsNoTracking()
            .Where(p => userIds.Contains(p.UserId) && p.Kind == kind && p.Delivery != Delivery.Immediately).Select(p => p.UserId).ToListAsync(ct);
        return userIds.Except(elsewhere).ToList();
    }

    /// <summary>Accepts the names (any case) and the API's short forms "daily" and "weekly".</summary>
    public static bool ParseDelivery(string? value, out Delivery delivery)
    {
        delivery = Delivery.Immediately;
        if (string.IsNullOrWhiteSpace(value) || value.Any(char.IsDigit)) return false;
        switch (value.Trim().ToLowerInvariant())
        {
            case "daily": delivery = Delivery.DailyDigest; return true;
            case "weekly": delivery = Delivery.WeeklyDigest; return true;
            default: return Enum.TryParse(value.Trim(), ignoreCase: true, out delivery);
        }
    }
}
