using System.Net;
using System.Text.Json;
using GvcMatch.Web.Features.Events;
using GvcMatch.Web.Features.Organizations;
using GvcMatch.Web.Tests.Infrastructure;
using GvcMatch.Web.Tests.Offers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GvcMatch.Web.Tests.Events;

/// <summary>The printed agenda, reminders, check-in, no-shows, feedback, follow-ups and the organiser's figures, on a fake clock.</summary>
public abstract class EventDayTests(GvcMatchApp app)
{
    [DatabaseFact]
    public async Task The_pdf_agenda_shows_each_meeting_in_the_events_zone_and_the_readers_and_only_its_participant_and_the_organiser_get_it()
    {
        var day = await SupplierDay.StartAsync(app);
        await app.WithDbAsync(db => db.Organizations.Where(o => o.Id == day.Buyer.Me.OrganizationId)
            .ExecuteUpdateAsync(s => s.SetProperty(o => o.Name, "株式会社さくら精機")));
        await Expect.StatusAsync(await day.Smes[0].Client.PutJsonAsync("/api/me/notification-preferences", new { timeZone = "Asia/Tokyo" }), HttpStatusCode.OK);
        var url = $"/api/events/{day.Id}/participants/{day.SmeIds[0]}/agenda.pdf";

        var response = await day.Smes[0].Client.GetAsync(url);
        await Expect.StatusAsync(response, HttpStatusCode.OK);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        using (var pdf = UglyToad.PdfPig.PdfDocument.Open(await response.Content.ReadAsByteArrayAsync()))
        {
            var page = pdf.GetPage(1);
            var text = string.Join(" ", pdf.GetPages().Select(p => p.Text));
            var tokyo = TimeZoneInfo.ConvertTime(day.SlotStart(0), TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo"));
            Assert.Contains("09:00", text);
            Assert.Contains("Europe/Madrid", text);
            Assert.Contains($"{tokyo:HH:mm} Asia/Tokyo", text);
            Assert.Contains("table 1", text);
            // The Japanese company name cannot be written with the Latin font: it is drawn as a picture.
            Assert.DoesNotContain("さくら", text);
            Assert.NotEmpty(page.GetImages());
        }

        await Expect.StatusAsync(await day.Organiser.Client.GetAsync(url), HttpStatusCode.OK);
        await Expect.ProblemAsync(await day.Smes[1].Client.GetAsync(url), HttpStatusCode.Forbidden);
        await Expect.ProblemAsync(await day.Buyer.Client.GetAsync(url), HttpStatusCode.Forbidden);
        var stranger = await app.SignUpAsync(OrganizationKind.Sme);
        await Expect.ProblemAsync(await stranger.Client.GetAsync(url), HttpStatusCode.Forbidden);
        await Expect.ProblemAsync(await day.Organiser.Client.GetAsync($"/api/events/{day.Id}/participants/999999/agenda.pdf"), HttpStatusCode.NotFound);

        // The buyer's own agenda lists both SMEs by name, as text.
        using var buyers = UglyToad.PdfPig.PdfDocument.Open(await day.Buyer.Client.GetByteArrayAsync($"/api/events/{day.Id}/participants/{day.BuyerId}/agenda.pdf"));
        var buyerText = string.Join(" ", buyers.GetPages().Select(p => p.Text));
        Assert.Contains(day.Smes[1].Me.OrganizationName!, buyerText);
    }

    [DatabaseFact]
    public async Task Reminders_go_to_both_sides_the_evening_before_and_before_each_meeting_again_after_a_move_and_never_for_an_unplaced_one()
    {
        var day = await SupplierDay.StartAsync(app);
        var worker = app.Services.GetRequiredService<EventReminderWorker>();
        await app.WithDbAsync(db => db.Users.Where(u => u.Id == day.Smes[0].Me.UserId).ExecuteUpdateAsync(s => s.SetProperty(u => u.PreferredLanguage, "es")));
        // A third SME whose accepted meeting is never placed.
        var late = await app.SignUpAsync(OrganizationKind.Sme);
        var lateId = await late.RegisterAtAsync(day.Id);
        await day.Buyer.AcceptAsync(day.Id, await late.RequestAsync(day.Id, day.BuyerId));

        await worker.SendDueAsync(CancellationToken.None);
        Assert.Empty(await RemindersAsync(day.Smes[0]));

        // The evening before, in Madrid: each side gets the list of its meetings for the day.
        day.MoveClockTo(day.SlotStart(0).AddHours(-14) - TimeSpan.FromMinutes(59));
        await worker.SendDueAsync(CancellationToken.None);
        var evening = Assert.Single(await RemindersAsync(day.Buyer));
        Assert.Contains("2", evening.Title);
        Assert.Contains(day.Smes[0].Me.OrganizationName!, evening.Body);
        Assert.Contains(day.Smes[1].Me.OrganizationName!, evening.Body);

        // Half an hour before the first meeting: both its sides, once, the SME in Spanish.
        day.MoveClockTo(day.SlotStart(0).AddMinutes(-29));
        await worker.SendDueAsync(CancellationToken.None);
        await worker.SendDueAsync(CancellationToken.None);
        var sme = await RemindersAsync(day.Smes[0]);
        Assert.Equal(2, sme.Count);
        Assert.Contains(day.Buyer.Me.OrganizationName!, sme[1].Title);
        Assert.Contains("Su reunión", sme[1].Title);
        Assert.Contains("09:00", sme[1].Title);
        Assert.Equal(2, (await RemindersAsync(day.Buyer)).Count);
        var emails = await app.WithDbAsync(db => db.Set<GvcMatch.Web.Features.Email.EmailOutboxEntry>().AsNoTracking()
            .CountAsync(e => e.To == day.Buyer.Email && e.Subject.Contains(day.Smes[0].Me.OrganizationName!)));
        Assert.Equal(1, emails);

        // The organiser moves the first SME's meeting to 11:30 (slot 4, after the break): it is reminded again then.
        await day.PlaceAsync(day.Meetings[0], slot: 4);
        day.MoveClockTo(day.SlotStart(4).AddMinutes(-25));
        await worker.SendDueAsync(CancellationToken.None);
        var moved = await RemindersAsync(day.Smes[0]);
        Assert.Equal(3, moved.Count);
        Assert.Contains("11:30", moved[2].Title);
        Assert.Empty(await RemindersAsync(late));
        Assert.True(lateId > 0);
    }

    [DatabaseFact]
    public async Task On_the_day_the_organiser_checks_in_and_each_side_marks_no_shows_gives_feedback_and_follows_up_in_one_conversation()
    {
        var day = await SupplierDay.StartAsync(app);
        var (sme, id, meeting) = (day.Smes[0], day.Id, day.Meetings[0]);
        var feedbackUrl = $"/api/events/{id}/meetings/{meeting}/feedback";
        await Expect.ValidationErrorAsync(await sme.Client.PutJsonAsync(feedbackUrl, new { useful = true, followUp = true }), "meeting");

        var checkIn = $"/api/events/{id}/participants/{day.SmeIds[0]}/check-in";
        await Expect.ProblemAsync(await day.Buyer.Client.PutJsonAsync(checkIn, new { checkedIn = true }), HttpStatusCode.Forbidden);
        await Expect.ValidationErrorAsync(await day.Organiser.Client.PutJsonAsync(checkIn, new { }), "checkedIn");
        var checkedIn = await Expect.JsonAsync(await day.Organiser.Client.PutJsonAsync(checkIn, new { checkedIn = true }), HttpStatusCode.OK);
        Assert.NotEqual(JsonValueKind.Null, checkedIn.GetProperty("checkedInAt").ValueKind);

        day.MoveClockTo(day.SlotStart(1).AddMinutes(5));
        // The second SME did not come to its meeting: the buyer marks it, and may not mark itself.
        var noShow = $"/api/events/{id}/meetings/{day.Meetings[1]}/no-show";
        await Expect.ValidationErrorAsync(await day.Buyer.Client.PutJsonAsync(noShow, new { absent = day.BuyerId }), "absent");
        await Expect.ProblemAsync(await sme.Client.PutJsonAsync(noShow, new { absent = day.SmeIds[1] }), HttpStatusCode.NotFound);
        var marked = await Expect.JsonAsync(await day.Buyer.Client.PutJsonAsync(noShow, new { absent = day.SmeIds[1] }), HttpStatusCode.OK);
        Assert.True(marked.GetProperty("requesterNoShow").GetBoolean());

        await Expect.ValidationErrorAsync(await sme.Client.PutJsonAsync(feedbackUrl, new { followUp = true }), "useful");
        await Expect.ValidationErrorAsync(await sme.Client.PutJsonAsync(feedbackUrl, new { useful = true, followUp = true, note = new string('x', 1001) }), "note");
        await Expect.ProblemAsync(await day.Organiser.Client.PutJsonAsync(feedbackUrl, new { useful = true, followUp = true }), HttpStatusCode.Forbidden);
        await Expect.ProblemAsync(await day.Smes[1].Client.PutJsonAsync(feedbackUrl, new { useful = true, followUp = true }), HttpStatusCode.NotFound);
        var given = await Expect.JsonAsync(await sme.Client.PutJsonAsync(feedbackUrl, new { useful = true, followUp = true, note = "Samples next week" }), HttpStatusCode.OK);
        Assert.True(given.GetProperty("useful").GetBoolean());

        var first = await Expect.JsonAsync(await sme.Client.PostAsync($"/api/events/{id}/meetings/{meeting}/follow-up"), HttpStatusCode.OK);
        Assert.True(first.GetProperty("created").GetBoolean());
        var second = await Expect.JsonAsync(await day.Buyer.Client.PostAsync($"/api/events/{id}/meetings/{meeting}/follow-up"), HttpStatusCode.OK);
        Assert.False(second.GetProperty("created").GetBoolean());
        Assert.Equal(first.GetProperty("conversationId").GetInt64(), second.GetProperty("conversationId").GetInt64());
        var conversation = await Expect.JsonAsync(await day.Buyer.Client.GetAsync($"/api/conversations/{second.GetProperty("conversationId").GetInt64()}"), HttpStatusCode.OK);
        Assert.Contains(sme.Me.OrganizationName!, conversation.GetProperty("subject").GetString());

        var agenda = await Expect.JsonAsync(await sme.Client.GetAsync($"/api/events/{id}/agenda"), HttpStatusCode.OK);
        var item = Assert.Single(agenda.GetProperty("meetings").EnumerateArray());
        Assert.True(item.GetProperty("started").GetBoolean());
        Assert.Equal("Samples next week", item.GetProperty("yourFeedback").GetProperty("note").GetString());
    }

    [DatabaseFact]
    public async Task The_organisers_figures_count_meetings_held_no_shows_follow_ups_and_agreements_reached_after_the_event()
    {
        var day = await SupplierDay.StartAsync(app);
        var id = day.Id;
        Assert.Null(await OutcomeOfEventAsync(day));
        day.MoveClockTo(day.SlotStart(1).AddMinutes(10));
        await Expect.StatusAsync(await day.Buyer.Client.PutJsonAsync($"/api/events/{id}/meetings/{day.Meetings[1]}/no-show", new { absent = day.SmeIds[1] }), HttpStatusCode.OK);
        await Expect.StatusAsync(await day.Smes[0].Client.PutJsonAsync($"/api/events/{id}/meetings/{day.Meetings[0]}/feedback", new { useful = true, followUp = true }), HttpStatusCode.OK);
        var followUp = await Expect.JsonAsync(await day.Smes[0].Client.PostAsync($"/api/events/{id}/meetings/{day.Meetings[0]}/follow-up"), HttpStatusCode.OK);

        var before = await FiguresAsync(day);
        Assert.Equal((2, 2, 2, 1, 1, 1, 1, 0), (before.GetProperty("requested").GetInt32(), before.GetProperty("accepted").GetInt32(),
            before.GetProperty("placed").GetInt32(), before.GetProperty("held").GetInt32(), before.GetProperty("noShows").GetInt32(),
            before.GetProperty("useful").GetInt32(), before.GetProperty("followUps").GetInt32(), before.GetProperty("agreements").GetInt32()));

        // Two weeks later the SME's offer, made in the follow-up conversation, is accepted by the buyer.
        day.MoveClockTo(day.SlotStart(0).AddDays(14));
        var offer = await day.Smes[0].ProposeAsync(followUp.GetProperty("conversationId").GetInt64(), OfferKit.Terms(app));
        await Expect.StatusAsync(await day.Buyer.Client.PostAsync($"/api/offers/{offer.Id}/accept"), HttpStatusCode.OK);
        Assert.Equal(1, (await FiguresAsync(day)).GetProperty("agreements").GetInt32());

        // The platform's outcome statistics carry the same figures beside the buyer's awards.
        var outcome = await OutcomeOfEventAsync(day);
        Assert.NotNull(outcome);
        var figures = outcome.Value.GetProperty("figures");
        Assert.Equal((1, 1, 1), (figures.GetProperty("held").GetInt32(), figures.GetProperty("followUps").GetInt32(), figures.GetProperty("agreements").GetInt32()));

        await Expect.ProblemAsync(await day.Buyer.Client.GetAsync($"/api/events/{id}/figures"), HttpStatusCode.Forbidden);
    }

    /// <summary>The event in the outcome statistics filtered to its buyer, read by the organiser (an intermediary); null when absent.</summary>
    private static async Task<JsonElement?> OutcomeOfEventAsync(SupplierDay day)
    {
        var statistics = await Expect.JsonAsync(await day.Organiser.Client.GetAsync($"/api/statistics/outcomes?buyer={day.Buyer.Me.OrgId}"), HttpStatusCode.OK);
        foreach (var e in statistics.GetProperty("events").EnumerateArray())
            if (e.GetProperty("eventId").GetInt32() == day.Id) return e;
        return null;
    }

    private static async Task<JsonElement> FiguresAsync(SupplierDay day) =>
        await Expect.JsonAsync(await day.Organiser.Client.GetAsync($"/api/events/{day.Id}/figures"), HttpStatusCode.OK);

    private Task<List<GvcMatch.Web.Features.Notifications.Notification>> RemindersAsync(Member member) =>
        app.WithDbAsync(db => db.Notifications.AsNoTracking().Where(n => n.UserId == member.Me.UserId && n.Kind == "event-reminder")
            .OrderBy(n => n.CreatedAt).ThenBy(n => n.Id).ToListAsync());
}

public sealed class EventDayTestsOnSqlite(SqliteAppOnFakeClock app) : EventDayTests(app), IClassFixture<SqliteAppOnFakeClock>;

public sealed class EventDayTestsOnPostgres(PostgresAppOnFakeClock app) : EventDayTests(app), IClassFixture<PostgresAppOnFakeClock>, IUsesPostgres;

/// <summary>Two app instances on one PostgreSQL database, both running the reminder worker at the same instant.</summary>
public sealed class EventRemindersAcrossInstancesTests(PostgresAppOnFakeClock app) : IClassFixture<PostgresAppOnFakeClock>, IUsesPostgres
{
    [DatabaseFact]
    public async Task Two_instances_send_each_reminder_once()
    {
        var day = await SupplierDay.StartAsync(app);
        await using var second = new SecondInstance(app.Database with { DataFolder = Directory.CreateTempSubdirectory("gvcmatch-test-").FullName }) { FakeClock = app.FakeClock };
        day.MoveClockTo(day.SlotStart(0).AddMinutes(-10));

        var workers = new[] { app.Services.GetRequiredService<EventReminderWorker>(), second.Services.GetRequiredService<EventReminderWorker>() };
        for (var round = 0; round < 3; round++)
            await Task.WhenAll(workers.Select(w => Task.Run(() => w.SendDueAsync(CancellationToken.None))));

        foreach (var member in new[] { day.Buyer, day.Smes[0] })
        {
            var titles = await app.WithDbAsync(db => db.Notifications.AsNoTracking()
                .Where(n => n.UserId == member.Me.UserId && n.Kind == "event-reminder").Select(n => n.Title).ToListAsync());
            // The evening list was due too (it is past 18:00 the day before); each reminder came once.
            Assert.Equal(titles.Count, titles.Distinct().Count());
            Assert.Single(titles, t => t.Contains("starts at 09:00"));
        }
        Assert.Empty(await app.WithDbAsync(db => db.Notifications.AsNoTracking()
            .Where(n => n.UserId == day.Smes[1].Me.UserId && n.Kind == "event-reminder" && n.Title.Contains("starts at")).ToListAsync()));
    }
}
