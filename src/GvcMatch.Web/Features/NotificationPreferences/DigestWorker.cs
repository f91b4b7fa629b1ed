using GvcMatch.Web.Data;
using GvcMatch.Web.Features.Email;
using GvcMatch.Web.Features.Notifications;
using GvcMatch.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace GvcMatch.Web.Features.NotificationPreferences;

public sealed class DigestOptions
{
    public const string Section = "Notifications:Digests";

    /// <summary>How often the worker looks for digests that are due; a digest goes out at most this long after midnight.</summary>
    public TimeSpan CheckInterval { get; set; } = TimeSpan.FromMinutes(10);
}

/// <summary>
/// Sends the daily and weekly digests. After midnight in a person's time zone (UTC when none is
/// stored) the day before is due; after Monday's midnight, the week before. Each digest is claimed
/// with a unique <see cref="DigestRun"/> row saved together with its email, so several app
/// instances may run this worker on one database and a digest still goes out once. Driven by
/// <see cref="TimeProvider"/> throughout, so tests move a fake clock instead of waiting.
/// </summary>
public sealed class DigestWorker(IServiceScopeFactory scopes, EmailSender sender, IOptions<DigestOptions> options, TimeProvider clock, ILogger<DigestWorker> logger)
    : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        PeriodicWork.RunAsync(options.Value.CheckInterval, clock, SendDueAsync, logger, "Sending digests", stoppingToken);

    /// <summary>Builds and queues every digest that is due and not yet claimed; returns how many emails it queued.</summary>
    public async Task<int> SendDueAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var links = scope.ServiceProvider.GetRequiredService<EmailLinks>();
        var choices = await db.Set<NotificationPreference>().AsNoTracking()
            .Where(p => p.Delivery == Delivery.DailyDigest || p.Delivery == Delivery.WeeklyDigest).ToListAsync(ct);
        var zones = await db.Set<NotificationSettings>().AsNoTracking().Where(s => s.TimeZone != null).ToDictionaryAsync(s => s.UserId, s => s.TimeZone!, ct);
        var now = clock.GetUtcNow();
        var queued = 0;
        foreach (var person in choices.GroupBy(p => p.UserId))
        {
            var zone = Zone(zones.GetValueOrDefault(person.Key));
            foreach (var period in person.GroupBy(p => p.Delivery == Delivery.DailyDigest ? DigestPeriod.Daily : DigestPeriod.Weekly))
            {
                var window = DigestWindow.Before(now, zone, period.Key);
                if (await SendAsync(db, links.BaseUrl, person.Key, period.Key, window, period.ToList(), now, ct)) queued++;
            }
        }
        if (queued > 0) sender.Nudge();
        return queued;
    }

    private async Task<bool> SendAsync(AppDbContext db, string? baseUrl, string userId, DigestPeriod period, DigestWindow window,
        List<NotificationPreference> kinds, DateTimeOffset now, CancellationToken ct)
    {
        var runs = db.Set<DigestRun>();
        if (await runs.AnyAsync(r => r.UserId == userId && r.Period == period && r.PeriodStart == window.FirstDay, ct)) return false;

        // Only what came after the person chose this digest: what came before was emailed at once.
        var notes = new List<Notification>();
        foreach (var kind in kinds)
        {
            var from = kind.ChangedAt > window.From ? kind.ChangedAt : window.From;
            notes.AddRange(await db.Notifications.AsNoTracking()
                .Where(n => n.UserId == userId && n.Kind == kind.Kind && n.ReadAt == null && n.CreatedAt >= from && n.CreatedAt < window.To)
                .ToListAsync(ct));
        }
        var person = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => new { u.Email, u.PreferredLanguage }).FirstOrDefaultAsync(ct);
        var to = person?.Email;
        runs.Add(new DigestRun { UserId = userId, Period = period, PeriodStart = window.FirstDay, Notifications = notes.Count, CreatedAt = now });
        var email = notes.Count > 0 && !string.IsNullOrEmpty(to);
        if (email)
        {
            // The digest's own words in the person's saved language; each entry was written in it when it was stored.
            using var language = Localization.CultureScope.For(person?.PreferredLanguage);
            db.Add(DigestEmail.Compose(to!, period, window.FirstDay, notes.OrderBy(n => n.CreatedAt).ToList(), baseUrl, now));
        }
        try
        {
            await db.SaveChangesAsync(ct);
            return email;
        }
        catch (DbUpdateException)
        {
            // Another instance claimed this digest first (the unique index); its email is the one that goes.
            db.ChangeTracker.Clear();
            return false;
        }
    }

    private static TimeZoneInfo Zone(string? id) =>
        id is not null && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : TimeZoneInfo.Utc;
}
