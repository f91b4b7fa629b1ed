using System.Text;
using GvcMatch.Events.Agenda;
using Ical.Net;
using Ical.Net.CalendarComponents;

namespace GvcMatch.Events.Tests;

/// <summary>A personal agenda as an iCalendar feed, read back by a calendar parser as a calendar app would read it.</summary>
public sealed class AgendaCalendarTests
{
    private static readonly DateTimeOffset Nine = new(2027, 2, 16, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Every_meeting_reads_back_with_its_time_place_and_identity()
    {
        var text = AgendaCalendar.Build("Supplier day Bilbao – Tallares Ruiz", [
            new AgendaEntry("meeting-12@events", 0, Nine, Nine.AddMinutes(30), "Meeting with Kawasaki Precision 川崎精密", "Table 4", "Follow-up on the bracket requirement; bring samples"),
            new AgendaEntry("meeting-15@events", 2, Nine.AddHours(1), Nine.AddHours(1.5), "Meeting with Acme Ltd", OnlineLink: new Uri("https://meet.example.org/room/15")),
            new AgendaEntry("meeting-16@events", 1, Nine.AddHours(2), Nine.AddHours(2.5), "Meeting with Delta SA", "Table 2", Cancelled: true),
        ], Nine.AddDays(-1));

        var calendar = Calendar.Load(text)!;
        var events = calendar.Events.OrderBy(e => e.DtStart!.AsUtc).ToList();

        Assert.Equal(3, events.Count);
        Assert.Equal("meeting-12@events", events[0].Uid);
        Assert.Equal("Meeting with Kawasaki Precision 川崎精密", events[0].Summary);
        Assert.Equal("Table 4", events[0].Location);
        Assert.Equal(Nine.UtcDateTime, events[0].DtStart!.AsUtc);
        Assert.Equal(Nine.AddMinutes(30).UtcDateTime, events[0].DtEnd!.AsUtc);
        Assert.Equal(2, events[1].Sequence);
        Assert.Equal("https://meet.example.org/room/15", events[1].Url?.ToString());
        Assert.Equal("CANCELLED", events[2].Status);
        Assert.Equal("CONFIRMED", events[0].Status);
    }

    [Fact]
    public void The_feed_keeps_the_line_rules_of_the_format()
    {
        var text = AgendaCalendar.Build("Agenda", [
            new AgendaEntry("m-1", 0, Nine, Nine.AddMinutes(30), "Meeting", Description: string.Concat(Enumerable.Repeat("Long note, with commas; and semicolons. ", 10))),
        ], Nine);

        var lines = text.Split("\r\n");
        Assert.All(lines, line => Assert.True(Encoding.UTF8.GetByteCount(line) <= 75, line));
        Assert.StartsWith("BEGIN:VCALENDAR", text);
        Assert.Contains("METHOD:PUBLISH", lines);
        var description = Calendar.Load(text)!.Events.Single().Description;
        Assert.StartsWith("Long note, with commas; and semicolons.", description);
    }
}
