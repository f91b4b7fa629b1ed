using System.Net;
using GvcMatch.Web.Features.Organizations;
using GvcMatch.Web.Tests.Infrastructure;

namespace GvcMatch.Web.Tests.Events;

/// <summary>Creating events and registering at them: who may, and every refusal naming its field.</summary>
public abstract class EventSetupTests(GvcMatchApp app)
{
    [DatabaseFact]
    public async Task An_intermediary_creates_an_event_whose_slots_skip_the_break_and_follow_the_time_zone()
    {
        var organiser = await app.SignUpAsync(OrganizationKind.Intermediary);
        var id = await organiser.CreateEventAsync();

        var e = await Expect.JsonAsync(await organiser.Client.GetAsync($"/api/events/{id}"), HttpStatusCode.OK);
        Assert.Equal(10, e.GetProperty("slots").GetInt32());
        Assert.True(e.GetProperty("youOrganize").GetBoolean());
        var slots = (await Expect.JsonAsync(await organiser.Client.GetAsync($"/api/events/{id}/slots"), HttpStatusCode.OK)).EnumerateArray().ToList();
        Assert.Equal(["09:00", "09:30", "10:00", "11:00", "11:30"], slots.Take(5).Select(s => s.GetProperty("localStart").GetDateTime().ToString("HH:mm")));
        // Madrid is UTC+1 in winter and UTC+2 in summer: the UTC instant is one or two hours earlier.
        var offset = slots[0].GetProperty("localStart").GetDateTime() - slots[0].GetProperty("start").GetDateTimeOffset().UtcDateTime;
        Assert.Contains(offset, new[] { TimeSpan.FromHours(1), TimeSpan.FromHours(2) });

        var sme = await app.SignUpAsync(OrganizationKind.Sme);
        var listed = (await Expect.JsonAsync(await sme.Client.GetAsync("/api/events"), HttpStatusCode.OK)).EnumerateArray();
        Assert.Contains(listed, x => x.GetProperty("id").GetInt32() == id);
    }

    [DatabaseFact]
    public async Task Smes_do_not_organise_and_a_bad_event_is_refused_naming_the_field()
    {
        var sme = await app.SignUpAsync(OrganizationKind.Sme);
        await Expect.ProblemAsync(await sme.Client.PostJsonAsync("/api/events", EventKit.Fair()), HttpStatusCode.Forbidden);

        var buyer = await app.SignUpAsync(OrganizationKind.Mne);
        async Task Refused(Dictionary<string, object?> body, string field) =>
            await Expect.ValidationErrorAsync(await buyer.Client.PostJsonAsync("/api/events", body), field);
        await Refused(EventKit.Fair().With("timeZone", "Mars/Olympus"), "timeZone");
        await Refused(EventKit.Fair().With("breaks", new[] { new { from = "08:00", to = "08:30" } }), "breaks[0]");
        await Refused(EventKit.Fair().With("dayStart", "nine"), "dayStart");
        await Refused(EventKit.Fair().With("place", null), "place");
        await Refused(EventKit.Fair().With("videoLink", "not a link"), "videoLink");
        await Refused(EventKit.Fair().With("tables", 0), "tables");
        await Refused(EventKit.Fair().With("days", 30), "days");
        await Refused(EventKit.Fair().With("meetingMinutes", 2), "meetingMinutes");
        await Refused(EventKit.Fair().With("registrationClosesAt", DateTimeOffset.UtcNow.AddDays(-3)), "registrationClosesAt");
        await Refused(EventKit.Fair().With("audience", Array.Empty<string>()), "audience");
        await Refused(EventKit.Fair().With("countries", new[] { "XX" }), "countries");
        await Refused(EventKit.Fair().With("requirementIds", new[] { 99999999 }), "requirementIds");
        // An online event needs no place: its meetings carry the video link.
        await buyer.CreateEventAsync(EventKit.Fair().With("place", null).With("videoLink", "https://meet.example.test/supplier-day"));
    }

    [DatabaseFact]
    public async Task Registration_is_refused_after_close_and_outside_the_audience_with_the_reason()
    {
        var organiser = await app.SignUpAsync(OrganizationKind.Intermediary);
        var closed = await organiser.CreateEventAsync(EventKit.Fair()
            .With("registrationOpensAt", DateTimeOffset.UtcNow.AddDays(-5)).With("registrationClosesAt", DateTimeOffset.UtcNow.AddDays(-1)));
        var smesFromSpain = await organiser.CreateEventAsync(EventKit.Fair(audience: ["Sme"]).With("countries", new[] { "ES" }));
        var metalworking = await organiser.CreateEventAsync(EventKit.Fair().With("sectors", new[] { "25" }));

        var german = await app.SignUpAsync(OrganizationKind.Sme, "DE");
        var spanish = await app.SignUpAsync(OrganizationKind.Sme, "ES");
        var buyer = await app.SignUpAsync(OrganizationKind.Mne, "ES");
        var reg = $"/api/events/{{0}}/registration";
        var body = new { offers = new[] { "cnc milling" } };
        await Expect.ValidationErrorAsync(await spanish.Client.PostJsonAsync(string.Format(reg, closed), body), "registration");
        await Expect.ValidationErrorAsync(await buyer.Client.PostJsonAsync(string.Format(reg, smesFromSpain), body), "audience");
        await Expect.ValidationErrorAsync(await german.Client.PostJsonAsync(string.Format(reg, smesFromSpain), body), "countries");
        await spanish.RegisterAtAsync(smesFromSpain);

        // Sectors are read from the SME's profile: ISIC 2592 falls under 25; no profile names no sector.
        await Expect.ValidationErrorAsync(await german.Client.PostJsonAsync(string.Format(reg, metalworking), body), "sectors");
        await german.SaveProfileAsync();
        await german.RegisterAtAsync(metalworking);
        await buyer.RegisterAtAsync(metalworking);
    }

    [DatabaseFact]
    public async Task Availability_windows_are_checked_and_a_second_registration_changes_the_first()
    {
        var organiser = await app.SignUpAsync(OrganizationKind.Intermediary);
        var id = await organiser.CreateEventAsync();
        var sme = await app.SignUpAsync(OrganizationKind.Sme);
        var url = $"/api/events/{id}/registration";

        var overlapping = new { availability = new[] { new { day = 0, from = "09:00", to = "10:30" }, new { day = 0, from = "10:00", to = "12:00" } } };
        await Expect.ValidationErrorAsync(await sme.Client.PostJsonAsync(url, overlapping), "availability[1]");
        await Expect.ValidationErrorAsync(await sme.Client.PostJsonAsync(url, new { availability = new[] { new { day = 5, from = "09:00", to = "10:00" } } }), "availability[0].day");
        await Expect.ValidationErrorAsync(await sme.Client.PostJsonAsync(url, new { availability = new[] { new { day = 0, from = "9h", to = "10:00" } } }), "availability[0].from");
        await Expect.ValidationErrorAsync(await sme.Client.PostJsonAsync(url, new { availability = new[] { new { day = 0, from = "09:10", to = "09:30" } } }), "availability");
        await Expect.ValidationErrorAsync(await sme.Client.PostJsonAsync(url, new { seeks = new[] { " " } }), "seeks");
        var buyer = await app.SignUpAsync(OrganizationKind.Mne);
        var notMine = await buyer.CreateRequirementAsync();
        await Expect.ValidationErrorAsync(await sme.Client.PostJsonAsync(url, new { requirementIds = new[] { notMine } }), "requirementIds");

        var first = await sme.RegisterAtAsync(id, new { offers = new[] { "anodising" }, availability = new[] { new { day = 0, from = "09:00", to = "10:30" } } });
        var second = await sme.RegisterAtAsync(id, new { offers = new[] { "anodising", "cnc milling" }, seeks = new[] { "automotive buyers" } });
        Assert.Equal(first, second);
        var participants = (await Expect.JsonAsync(await sme.Client.GetAsync($"/api/events/{id}/participants"), HttpStatusCode.OK)).EnumerateArray().ToList();
        var me = Assert.Single(participants);
        Assert.Equal(["anodising", "cnc milling"], me.GetProperty("offers").EnumerateArray().Select(x => x.GetString()));
        Assert.Empty(me.GetProperty("availability").EnumerateArray());

        var outsider = await app.SignUpAsync(OrganizationKind.Sme);
        await Expect.ProblemAsync(await outsider.Client.GetAsync($"/api/events/{id}/participants"), HttpStatusCode.Forbidden);
        await Expect.ProblemAsync(await sme.Client.GetAsync("/api/events/99999999"), HttpStatusCode.NotFound);
    }
}

[Collection(SharedApps.SqliteA)]
public sealed class EventSetupTestsOnSqlite(SqliteApp app) : EventSetupTests(app);

[Collection(SharedApps.PostgresB)]
public sealed class EventSetupTestsOnPostgres(PostgresApp app) : EventSetupTests(app), IUsesPostgres;
