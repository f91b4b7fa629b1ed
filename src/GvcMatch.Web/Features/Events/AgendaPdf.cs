using System.Globalization;
using GvcMatch.Documents;
using GvcMatch.Web.Data;
using GvcMatch.Web.Features.Localization;
using GvcMatch.Web.Features.NotificationPreferences;
using GvcMatch.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GvcMatch.Web.Features.Events;

/// <summary>
/// A participant's agenda as a printable PDF, for those who walk the fair floor with paper. Each
/// meeting shows the event's local time and the reader's own (from their notification settings; UTC
/// when none), the table or the video link, and who it is with. Written by <see cref="RecordPdf"/>:
/// Latin lines are real text, a line in another script (a Japanese company name) is drawn as a picture.
/// Only the participant itself and the organiser may download it.
/// </summary>
public sealed class AgendaPdf(AppDbContext db, EventService events, EventMeetings meetings)
{
    public async Task<Outcome<(byte[] Pdf, string FileName)>> ForAsync(Actor? actor, int eventId, int participantId, CancellationToken ct)
    {
        var seen = await events.ViewAsync(actor, eventId, ct);
        if (seen.Refusal is { } refused) return refused;
        var view = seen.Value!;
        if (!view.Organizes && view.Participant?.Id != participantId)
            return view.Sees ? Refusal.Forbidden("Only the participant and the organiser download an agenda.") : Refusal.Forbidden("Agendas are for the event's participants.");
        var who = await db.Set<EventParticipant>().AsNoTracking().Include(p => p.Organization).FirstOrDefaultAsync(p => p.Id == participantId && p.EventId == eventId, ct);
        if (who is null) return Refusal.NotFound("The participant");
        var agenda = await meetings.AgendaOfAsync(view.Event, who, "", ct);
        var zoneId = await db.Set<NotificationSettings>().AsNoTracking().Where(s => s.UserId == actor!.UserId).Select(s => s.TimeZone).FirstOrDefaultAsync(ct);
        var reader = zoneId is not null && TimeZoneInfo.TryFindSystemTimeZoneById(zoneId, out var z) ? z : TimeZoneInfo.Utc;
        return Outcome.Done((Write(view.Event, who.Organization.Name, reader, agenda.Meetings), $"agenda-{eventId}-{participantId}.pdf"));
    }

    public static byte[] Write(MatchmakingEvent e, string participant, TimeZoneInfo reader, IReadOnlyList<AgendaItemDto> items)
    {
        var facts = new List<(string, string)>
        {
            (MessageTexts.Format("Participant"), participant),
            e.IsOnline ? (MessageTexts.Format("Online event"), e.VideoLink ?? "") : (MessageTexts.Format("Place"), e.Place!),
            (MessageTexts.Format("Event time zone"), e.TimeZone),
            (MessageTexts.Format("Your time zone"), reader.Id),
            (MessageTexts.Format("Meetings"), items.Count.ToString(CultureInfo.InvariantCulture)),
        };
        var lines = new List<string>();
        foreach (var m in items)
        {
            var local = $"{m.LocalStart:yyyy-MM-dd HH:mm}–{m.LocalStart + (m.End - m.Start):HH:mm}";
            var yours = TimeZoneInfo.ConvertTime(m.Start, reader);
            var place = e.IsOnline ? MessageTexts.Format("video call") : MessageTexts.Format("table {0}", m.Table);
            lines.Add($"{local} {e.TimeZone} ({yours:yyyy-MM-dd HH:mm} {reader.Id}), {place}");
            // The other party on a line of its own: a name in another script becomes a picture without taking the times with it.
            lines.Add(m.WithName);
            if (e.IsOnline && m.VideoLink is not null) lines.Add(m.VideoLink);
            lines.Add("");
        }
        if (items.Count == 0) lines.Add(MessageTexts.Format("No meetings scheduled for you yet."));
        return RecordPdf.Write(MessageTexts.Format("Agenda: {0}", e.Name), facts, string.Join('\n', lines), footer: e.Name);
    }
}
