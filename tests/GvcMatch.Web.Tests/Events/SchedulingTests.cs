using System.Net;
using GvcMatch.Web.Features.Organizations;
using GvcMatch.Web.Tests.Infrastructure;
using Ical.Net;

namespace GvcMatch.Web.Tests.Events;

/// <summary>The scheduler as a background job, the organiser's hand moves and locks, and the agendas and feeds that follow.</summary>
public abstract class SchedulingTests(GvcMatchApp app)
{
    private sealed record Fair(int Id, Member Organiser, Member Buyer, Member[] Smes, int BuyerId, int[] SmeIds, int[] Meetings);

    /// <summary>One buyer, three SMEs, each SME's meeting with the buyer accepted.</summary>
    private async Task<Fair> FairWithAcceptedMeetingsAsync(int tables = 2, object? buyerRegistration = null, Dictionary<string, object?>? body = null)
    {
        var organiser = await app.SignUpAsync(OrganizationKind.Intermediary);
        var id = await organiser.CreateEventAsync(body ?? EventKit.Fair(tables));
        var buyer = await app.SignUpAsync(OrganizationKind.Mne);
        var buyerId = await buyer.RegisterAtAsync(id, buyerRegistration);
        var smes = new Member[3];
        var smeIds = new int[3];
        var meetings = new int[3];
        for (var i = 0; i < 3; i++)
        {
            smes[i] = await app.SignUpAsync(OrganizationKind.Sme);
            smeIds[i] = await smes[i].RegisterAtAsync(id);
            meetings[i] = await smes[i].RequestAsync(id, buyerId);
            await buyer.AcceptAsync(id, meetings[i]);
        }
        return new Fair(id, organiser, buyer, smes, buyerId, smeIds, meetings);
    }

    /// <summary>The last of the ten slots in which the buyer, who is in every meeting, has none.</summary>
    private static async Task<int> FreeSlotAsync(Fair fair)
    {
        var used = (await fair.Organiser.MeetingsAsync(fair.Id)).Select(m => m.GetProperty("slot").GetInt32()).ToHashSet();
        return Enumerable.Range(0, 10).Reverse().First(s => !used.Contains(s));
    }

    [DatabaseFact]
    public async Task Only_the_organiser_schedules_and_every_accepted_meeting_gets_its_own_slot_and_a_table()
    {
        var fair = await FairWithAcceptedMeetingsAsync();
        await Expect.ProblemAsync(await fair.Buyer.Client.PostJsonAsync($"/api/events/{fair.Id}/schedule", new { }), HttpStatusCode.Forbidden);
        await Expect.ProblemAsync(await fair.Smes[0].Client.GetAsync($"/api/events/{fair.Id}/schedule"), HttpStatusCode.Forbidden);

        var status = await fair.Organiser.ScheduleAsync(fair.Id);
        Assert.Equal("Done", status.GetProperty("state").GetString());
        Assert.Equal(3, status.GetProperty("placed").GetInt32());
        Assert.Equal(3, status.GetProperty("upperBound").GetInt32());
        var meetings = await fair.Organiser.MeetingsAsync(fair.Id);
        // The buyer is in all three: three different slots, each with a table.
        Assert.Equal(3, meetings.Select(m => m.GetProperty("slot").GetInt32()).Distinct().Count());
        Assert.All(meetings, m => Assert.InRange(m.GetProperty("table").GetInt32(), 1, 2));

        var figures = await Expect.JsonAsync(await fair.Organiser.Client.GetAsync($"/api/events/{fair.Id}/figures"), HttpStatusCode.OK);
        Assert.Equal(3, figures.GetProperty("accepted").GetInt32());
        Assert.Equal(3, figures.GetProperty("placed").GetInt32());
    }

    [DatabaseFact]
    public async Task The_report_names_each_meeting_that_could_not_be_placed_and_why()
    {
        // The buyer is free for one slot only: one of its three meetings fits, two cannot.
        var fair = await FairWithAcceptedMeetingsAsync(buyerRegistration: new { availability = new[] { new { day = 0, from = "09:00", to = "09:30" } } });
        var status = await fair.Organiser.ScheduleAsync(fair.Id);
        Assert.Equal(1, status.GetProperty("placed").GetInt32());
        Assert.Equal(1, status.GetProperty("upperBound").GetInt32());
        var unplaced = status.GetProperty("unplaced").EnumerateArray().ToList();
        Assert.Equal(2, unplaced.Count);
        Assert.All(unplaced, u =>
        {
            Assert.Equal("ParticipantsBooked", u.GetProperty("reason").GetString());
            Assert.Contains("already has another meeting", u.GetProperty("explanation").GetString());
        });
    }

    [DatabaseFact]
    public async Task A_hand_move_that_double_books_is_refused_and_a_locked_meeting_stays_on_a_rerun()
    {
        var fair = await FairWithAcceptedMeetingsAsync();
        await fair.Organiser.ScheduleAsync(fair.Id);
        var meetings = (await fair.Organiser.MeetingsAsync(fair.Id)).ToDictionary(m => m.GetProperty("id").GetInt32());
        var (a, b) = (fair.Meetings[0], fair.Meetings[1]);
        var slotOfB = meetings[b].GetProperty("slot").GetInt32();
        var url = $"/api/events/{fair.Id}/meetings/{a}/placement";
        var free = await FreeSlotAsync(fair);

        // The buyer already meets in B's slot.
        await Expect.ValidationErrorAsync(await fair.Organiser.Client.PutJsonAsync(url, new { slot = slotOfB, table = 2 }), "slot");
        await Expect.ValidationErrorAsync(await fair.Organiser.Client.PutJsonAsync(url, new { slot = 99, table = 1 }), "slot");
        await Expect.ValidationErrorAsync(await fair.Organiser.Client.PutJsonAsync(url, new { slot = free, table = 7 }), "table");
        await Expect.ProblemAsync(await fair.Buyer.Client.PutJsonAsync(url, new { slot = free, table = 1 }), HttpStatusCode.Forbidden);
        var moved = await Expect.JsonAsync(await fair.Organiser.Client.PutJsonAsync(url, new { slot = free, table = 1, locked = true }), HttpStatusCode.OK);
        Assert.Equal(free, moved.GetProperty("slot").GetInt32());
        Assert.True(moved.GetProperty("locked").GetBoolean());

        await fair.Organiser.ScheduleAsync(fair.Id, fresh: true);
        var after = (await fair.Organiser.MeetingsAsync(fair.Id)).Single(m => m.GetProperty("id").GetInt32() == a);
        Assert.Equal(free, after.GetProperty("slot").GetInt32());
        Assert.Equal(1, after.GetProperty("table").GetInt32());
    }

    [DatabaseFact]
    public async Task The_agenda_and_its_calendar_feed_follow_a_moved_meeting_and_carry_the_video_link_online()
    {
        var online = EventKit.Fair().With("place", null).With("videoLink", "https://meet.example.test/day");
        var fair = await FairWithAcceptedMeetingsAsync(body: online);
        await fair.Organiser.ScheduleAsync(fair.Id);

        var agenda = await Expect.JsonAsync(await fair.Smes[0].Client.GetAsync($"/api/events/{fair.Id}/agenda"), HttpStatusCode.OK);
        var item = Assert.Single(agenda.GetProperty("meetings").EnumerateArray());
        Assert.Equal(fair.BuyerId, item.GetProperty("withParticipantId").GetInt32());
        Assert.Equal("https://meet.example.test/day", item.GetProperty("videoLink").GetString());
        Assert.Equal(3, (await Expect.JsonAsync(await fair.Buyer.Client.GetAsync($"/api/events/{fair.Id}/agenda"), HttpStatusCode.OK))
            .GetProperty("meetings").GetArrayLength());
        var outsider = await app.SignUpAsync(OrganizationKind.Sme);
        await Expect.ProblemAsync(await outsider.Client.GetAsync($"/api/events/{fair.Id}/agenda"), HttpStatusCode.Forbidden);

        var feedUrl = new Uri(agenda.GetProperty("feedUrl").GetString()!).PathAndQuery;
        using var anonymous = app.CreateClient();
        var feed = await anonymous.GetAsync(feedUrl);
        await Expect.StatusAsync(feed, HttpStatusCode.OK);
        Assert.Equal("text/calendar", feed.Content.Headers.ContentType?.MediaType);
        var calendar = Calendar.Load(await feed.Content.ReadAsStringAsync())!;
        var entry = Assert.Single(calendar.Events);
        Assert.Equal(item.GetProperty("start").GetDateTimeOffset().UtcDateTime, entry.DtStart!.AsUtc);
        Assert.Equal("https://meet.example.test/day", entry.Location);
        Assert.Equal(0, entry.Sequence);

        var to = await FreeSlotAsync(fair);
        await Expect.StatusAsync(await fair.Organiser.Client.PutJsonAsync($"/api/events/{fair.Id}/meetings/{fair.Meetings[0]}/placement", new { slot = to, table = 1 }), HttpStatusCode.OK);
        var movedEntry = Assert.Single(Calendar.Load(await anonymous.GetStringAsync(feedUrl))!.Events);
        Assert.Equal(entry.Uid, movedEntry.Uid);
        Assert.Equal(1, movedEntry.Sequence);
        Assert.NotEqual(entry.DtStart!.AsUtc, movedEntry.DtStart!.AsUtc);

        await Expect.StatusAsync(await anonymous.GetAsync("/api/event-feeds/not-a-token.ics"), HttpStatusCode.NotFound);
    }
}

[Collection(SharedApps.SqliteC)]
public sealed class SchedulingTestsOnSqlite(SqliteApp app) : SchedulingTests(app);

[Collection(SharedApps.PostgresC)]
public sealed class SchedulingTestsOnPostgres(PostgresApp app) : SchedulingTests(app), IUsesPostgres;
