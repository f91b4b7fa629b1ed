using GvcMatch.Events.Timetable;

namespace GvcMatch.Events.Tests;

/// <summary>An event's days become meeting slots in its own time zone, around its breaks.</summary>
public sealed class EventGridTests
{
    private static EventTimetable Morning(string zone = "Europe/Madrid", int days = 1) => new()
    {
        FirstDay = new DateOnly(2027, 2, 16),
        Days = days,
        DayStart = new TimeOnly(9, 0),
        DayEnd = new TimeOnly(12, 30),
        MeetingMinutes = 30,
        Breaks = [new TimeWindow(new TimeOnly(10, 30), new TimeOnly(11, 0))],
        TimeZone = zone,
    };

    [Fact]
    public void A_day_is_cut_into_meetings_around_the_breaks()
    {
        var grid = EventGrid.Build(Morning(days: 2));

        Assert.Equal(["09:00", "09:30", "10:00", "11:00", "11:30", "12:00"], grid.Slots.Where(s => s.Day == 0).Select(s => s.LocalStart.ToString("HH:mm")));
        Assert.Equal(12, grid.Slots.Count);
        Assert.Equal(new DateTime(2027, 2, 17, 9, 0, 0), grid.Slots[6].LocalStart);
        Assert.Equal(Enumerable.Range(0, 12), grid.Slots.Select(s => s.Index));
    }

    [Theory]
    [InlineData("Europe/Madrid", 8)]
    [InlineData("Asia/Tokyo", 0)]
    [InlineData("America/Mexico_City", 15)]
    public void Slot_instants_follow_the_event_time_zone(string zone, int utcHour)
    {
        var first = EventGrid.Build(Morning(zone)).Slots[0];

        Assert.Equal(new DateTimeOffset(2027, 2, 16, utcHour, 0, 0, TimeSpan.Zero), first.Start);
        Assert.Equal(first.Start.AddMinutes(30), first.End);
    }

    [Fact]
    public void The_hour_that_clocks_skip_has_no_slot()
    {
        // Spain moves from 02:00 to 03:00 on 28 March 2027.
        var grid = EventGrid.Build(Morning() with
        {
            FirstDay = new DateOnly(2027, 3, 28), DayStart = new TimeOnly(1, 0), DayEnd = new TimeOnly(4, 0), MeetingMinutes = 60, Breaks = [],
        });

        Assert.Equal(["01:00", "03:00"], grid.Slots.Select(s => s.LocalStart.ToString("HH:mm")));
        Assert.Equal([new DateTimeOffset(2027, 3, 28, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2027, 3, 28, 1, 0, 0, TimeSpan.Zero)], grid.Slots.Select(s => s.Start));
    }

    [Fact]
    public void Availability_holds_only_the_slots_wholly_inside_a_window()
    {
        var grid = EventGrid.Build(Morning(days: 2));

        var set = grid.Availability([new DayWindow(0, new TimeOnly(9, 15), new TimeOnly(10, 30)), new DayWindow(1, new TimeOnly(11, 0), new TimeOnly(12, 30))]);

        Assert.Equal([1, 2, 9, 10, 11], set.Slots());
    }

    [Fact]
    public void A_timetable_that_cannot_hold_names_each_problem()
    {
        var problems = (Morning() with
        {
            Days = 0,
            TimeZone = "Mars/Olympus",
            Breaks = [new TimeWindow(new TimeOnly(10, 0), new TimeOnly(11, 0)), new TimeWindow(new TimeOnly(10, 30), new TimeOnly(11, 30)), new TimeWindow(new TimeOnly(13, 0), new TimeOnly(14, 0))],
        }).Problems();

        Assert.Equal(["breaks[1]", "breaks[2]", "days", "timeZone"], problems.Keys.Order());
        Assert.Contains("Mars/Olympus", problems["timeZone"]);
        Assert.Throws<ArgumentException>(() => EventGrid.Build(Morning() with { DayEnd = new TimeOnly(9, 20) }));
    }

    [Fact]
    public void Overlapping_availability_windows_are_refused()
    {
        var grid = EventGrid.Build(Morning(days: 2));

        var problems = grid.WindowProblems([new DayWindow(0, new TimeOnly(9, 0), new TimeOnly(11, 0)), new DayWindow(0, new TimeOnly(10, 0), new TimeOnly(12, 0)), new DayWindow(5, new TimeOnly(9, 0), new TimeOnly(10, 0))]);

        Assert.Equal(["availability[1]", "availability[2].day"], problems.Keys.Order());
    }
}
