using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;

namespace GvcMatch.Events.Agenda;

/// <summary>One meeting in a participant's agenda, as a calendar shows it.</summary>
/// <param name="Uid">Stable for the meeting's whole life, so a calendar updates the entry instead of adding another.</param>
/// <param name="Sequence">Raised whenever the meeting moves, so calendars take the newer time.</param>
public sealed record AgendaEntry(
    string Uid, int Sequence, DateTimeOffset Start, DateTimeOffset End, string Summary,
    string? Location = null, string? Description = null, Uri? OnlineLink = null, bool Cancelled = false);

/// <summary>
/// A participant's agenda as an iCalendar feed (RFC 5545, <c>text/calendar</c>). Calendar apps poll
/// the feed; a moved meeting keeps its UID and gets a higher SEQUENCE, a cancelled one stays in the
/// feed as CANCELLED so subscribers drop it. Times are written in UTC, which every client shows in
/// its own zone.
/// </summary>
public static class AgendaCalendar
{
    public const string MediaType = "text/calendar";

    public static string Build(string name, IEnumerable<AgendaEntry> entries, DateTimeOffset now)
    {
        var calendar = new Calendar { ProductId = "-//GvcMatch//Matchmaking agenda//EN", Method = "PUBLISH" };
        calendar.AddProperty("X-WR-CALNAME", name);
        foreach (var e in entries)
        {
            var item = new CalendarEvent
            {
                Uid = e.Uid,
                Sequence = e.Sequence,
                DtStamp = Utc(now),
                DtStart = Utc(e.Start),
                DtEnd = Utc(e.End),
                Summary = e.Summary,
                Location = e.OnlineLink?.ToString() ?? e.Location,
                Description = e.OnlineLink is null ? e.Description : $"{e.Description}\n{e.OnlineLink}".Trim(),
                Status = e.Cancelled ? EventStatus.Cancelled : EventStatus.Confirmed,
            };
            if (e.OnlineLink is not null) item.Url = e.OnlineLink;
            calendar.Events.Add(item);
        }
        return new CalendarSerializer().SerializeToString(calendar) ?? "";
    }

    private static CalDateTime Utc(DateTimeOffset at) => new(at.UtcDateTime, "UTC");
}
