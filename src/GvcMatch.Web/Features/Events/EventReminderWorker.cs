using System.ComponentModel.DataAnnotations;
using System.Globalization;
using GvcMatch.Events.Timetable;
using GvcMatch.Web.Data;
using GvcMatch.Web.Features.Notifications;
using GvcMatch.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace GvcMatch.Web.Features.Events;

public sealed class EventReminderOptions
{
    public const string Section = "Events:Reminders";

    /// <summary>How long before each meeting both sides are reminded.</summary>
    [Range(1, 1440)]
    public int MinutesBefore { get; set; } = 30;

    /// <summary>When, in the event's time zone, the day before a meeting day, each participant gets the list of its meetings for that day.</summary>
    public TimeOnly DayBeforeAt { get; set; } = new(18, 0);

    /// <summary>How often the worker looks for reminders that are due.</summary>
    public TimeSpan CheckInterval { get; set; } = TimeSpan.FromMinutes(1);
}

/// <summary>
/// Reminds both sides of each placed meeting a set time before it, and sends each participant the
/// list of its meetings the evening before each meeting day, through the inbox and, by the person's
/// preference for <see cref="NotificationKinds.EventReminder"/>, email, in the person's language.
/// Each reminder is claimed by an <see cref="EventReminder"/> row saved with its notifications, so
/// several instances can run this worker on one database. Runs on the app's TimeProvider.
/// </summary>
public sealed class EventReminderWorker(IServiceScopeFactory scopes, IOptions<EventReminderOptions> options, TimeProvider clock, ILogger<EventReminderWorker> logger)
    : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        PeriodicWork.RunAsync(options.Value.CheckInterval, clock, async ct => await SendDueAsync(ct), logger, "Sending event reminders", stoppingToken);

    /// <summary>Sends every reminder that is due and not yet claimed; returns how many it sent.</summary>
    public async Task<int> SendDueAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var notifier = scope.ServiceProvider.GetRequiredService<Notifier>();
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        // An event lasts at most 14 days; anything starting after tomorrow has nothing due yet.
        var (from, to) = (today.AddDays(-15), today.AddDays(2));
        var events = await db.Set<MatchmakingEvent>().AsNoTracking().Where(e => e.FirstDay >= from && e.FirstDay <= to).ToListAsync(ct);
        var sent = 0;
        foreach (var e in events.Where(e => e.FirstDay.AddDays(e.Days) >= today.AddDays(-1)))
        {
            var grid = EventGrid.Build(e.Timetable());
            var meetings = await db.Set<EventMeeting>().AsNoTracking()
                .Where(m => m.EventId == e.Id && m.Status == MeetingStatus.Accepted && m.Slot != null).ToListAsync(ct);
            var placed = meetings.Where(m => m.Slot < grid.Slots.Count).Select(m => (Meeting: m, Slot: grid.Slots[m.Slot!.Value])).ToList();
            if (placed.Count == 0) continue;
            var people = await PeopleAsync(db, e.Id, ct);
            var lead = TimeSpan.FromMinutes(options.Value.MinutesBefore);
            foreach (var (m, slot) in placed.Where(p => p.Slot.Start - lead <= now && now < p.Slot.Start))
            {
                var notes = new[] { m.RequesterId, m.RecipientId }.Select(side => (Users: people[side].Users,
                    Title: $"Your meeting with {people[m.Other(side)].Name} at {e.Name} starts at {slot.LocalStart:HH:mm} ({e.TimeZone})",
                    Body: Where(e, m.Table)));
                if (await ClaimAsync(db, notifier, e, EventReminder.ForMeeting(m), notes, now, ct)) sent++;
            }
            foreach (var day in placed.GroupBy(p => p.Slot.Day))
            {
                var date = e.FirstDay.AddDays(day.Key);
                if (now < DayBefore(e, date) || now >= day.Min(p => p.Slot.Start)) continue;
                foreach (var participant in day.SelectMany(p => new[] { p.Meeting.RequesterId, p.Meeting.RecipientId }).Distinct())
                {
                    var mine = day.Where(p => p.Meeting.Involves(participant)).OrderBy(p => p.Slot.Index).ToList();
                    var lines = mine.Select(p => $"{p.Slot.LocalStart:HH:mm} {people[p.Meeting.Other(participant)].Name} — {Where(e, p.Meeting.Table)}");
                    var note = (people[participant].Users, Title: $"Your meetings tomorrow at {e.Name}: {mine.Count}", Body: string.Join("\n", lines));
                    if (await ClaimAsync(db, notifier, e, EventReminder.ForDay(participant, date), [note], now, ct)) sent++;
                }
            }
        }
        return sent;
    }

    /// <summary>Saves the claim with the notifications; false when another instance claimed it first.</summary>
    private static async Task<bool> ClaimAsync(AppDbContext db, Notifier notifier, MatchmakingEvent e, string key,
        IEnumerable<(List<string> Users, string Title, string Body)> notes, DateTimeOffset now, CancellationToken ct)
    {
        if (await db.Set<EventReminder>().AnyAsync(r => r.Key == key, ct)) return false;
        var staged = new List<StagedNotifications>();
        foreach (var (users, title, body) in notes)
            staged.Add(await notifier.StageAsync(db, users, NotificationKinds.EventReminder, title, body, $"/Events/{e.Id}/Agenda", ct));
        db.Add(new EventReminder { EventId = e.Id, Key = key, Recipients = staged.Sum(s => s.Count), SentAt = now });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return false;
        }
        db.ChangeTracker.Clear();
        foreach (var s in staged) await notifier.PushAsync(s);
        return true;
    }

    private static string Where(MatchmakingEvent e, int? table) =>
        e.IsOnline ? e.VideoLink ?? "" : $"{e.Place}, table {table?.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>The evening before a meeting day, in the event's zone (a time the clocks skip is taken an hour later).</summary>
    private DateTimeOffset DayBefore(MatchmakingEvent e, DateOnly day)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(e.TimeZone);
        var local = day.AddDays(-1).ToDateTime(options.Value.DayBeforeAt);
        if (zone.IsInvalidTime(local)) local = local.AddHours(1);
        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }

    private sealed record Side(string Name, List<string> Users);

    private static async Task<Dictionary<int, Side>> PeopleAsync(AppDbContext db, int eventId, CancellationToken ct)
    {
        var participants = await db.Set<EventParticipant>().AsNoTracking().Where(p => p.EventId == eventId)
            .Select(p => new { p.Id, p.OrganizationId, p.Organization.Name }).ToListAsync(ct);
        var orgIds = participants.Select(p => p.OrganizationId).ToList();
        var users = (await db.Users.AsNoTracking().Where(u => u.OrganizationId != null && orgIds.Contains(u.OrganizationId.Value))
            .Select(u => new { u.Id, u.OrganizationId }).ToListAsync(ct)).ToLookup(u => u.OrganizationId!.Value, u => u.Id);
        return participants.ToDictionary(p => p.Id, p => new Side(p.Name, users[p.OrganizationId].ToList()));
    }
}
