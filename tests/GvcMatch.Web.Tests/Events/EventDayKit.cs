using System.Net;
using GvcMatch.Web.Features.Organizations;
using GvcMatch.Web.Tests.Infrastructure;

namespace GvcMatch.Web.Tests.Events;

/// <summary>
/// A supplier day three days ahead of the app's fake clock, with one buyer and two SMEs that each
/// have an accepted meeting with it, placed by hand (slots 0 and 1, 09:00 and 09:30 in Madrid).
/// The clock only moves forward, so each test builds its day from the clock's current time.
/// </summary>
public sealed record SupplierDay(GvcMatchApp App, int Id, Member Organiser, Member Buyer, Member[] Smes, int BuyerId, int[] SmeIds, int[] Meetings)
{
    public static async Task<SupplierDay> StartAsync(GvcMatchApp app, bool online = false)
    {
        var now = app.Time.GetUtcNow();
        var body = EventKit.Fair(tables: 2)
            .With("firstDay", DateOnly.FromDateTime(now.UtcDateTime).AddDays(3).ToString("yyyy-MM-dd"))
            .With("registrationOpensAt", now.AddHours(-1))
            .With("registrationClosesAt", now.AddDays(1));
        if (online) body = body.With("place", null).With("videoLink", "https://meet.example.test/day");
        var organiser = await app.SignUpAsync(OrganizationKind.Intermediary);
        var id = await organiser.CreateEventAsync(body);
        var buyer = await app.SignUpAsync(OrganizationKind.Mne);
        var buyerId = await buyer.RegisterAtAsync(id);
        var smes = new Member[2];
        var smeIds = new int[2];
        var meetings = new int[2];
        for (var i = 0; i < 2; i++)
        {
            smes[i] = await app.SignUpAsync(OrganizationKind.Sme);
            smeIds[i] = await smes[i].RegisterAtAsync(id);
            meetings[i] = await smes[i].RequestAsync(id, buyerId);
            await buyer.AcceptAsync(id, meetings[i]);
        }
        var day = new SupplierDay(app, id, organiser, buyer, smes, buyerId, smeIds, meetings);
        for (var i = 0; i < 2; i++) await day.PlaceAsync(meetings[i], slot: i);
        return day;
    }

    public async Task PlaceAsync(int meeting, int slot, int table = 1) =>
        await Expect.StatusAsync(await Organiser.Client.PutJsonAsync($"/api/events/{Id}/meetings/{meeting}/placement", new { slot, table }), HttpStatusCode.OK);

    /// <summary>When a slot starts: the first day at 09:00 in Madrid plus half an hour per slot, and the half-hour break after slot 2.</summary>
    public DateTimeOffset SlotStart(int slot)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Madrid");
        var local = DateOnly.FromDateTime(Created.UtcDateTime).AddDays(3).ToDateTime(new TimeOnly(9, 0)).AddMinutes(30 * slot + (slot >= 3 ? 30 : 0));
        return new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
    }

    private DateTimeOffset Created { get; } = App.Time.GetUtcNow();

    /// <summary>Moves the fake clock forward to <paramref name="to"/>.</summary>
    public void MoveClockTo(DateTimeOffset to) => App.FakeClock!.SetUtcNow(to.ToUniversalTime());
}
