using System.Net;
using GvcMatch.Web.Features.Organizations;
using GvcMatch.Web.Tests.Infrastructure;

namespace GvcMatch.Web.Tests.Events;

/// <summary>A supplier day run through the pages' forms alone: create, register, request, accept, schedule, agenda.</summary>
[Collection(SharedApps.SqliteA)]
public sealed class EventPageTests(SqliteApp app)
{
    /// <summary>
    /// GETs <paramref name="page"/> for its form token, posts <paramref name="fields"/> to <paramref name="action"/> and follows the
    /// redirect itself: HttpClient drops the Authorization header on a redirect it follows.
    /// </summary>
    private async Task<(Uri At, string Html)> SubmitAsync(Member who, string page, string action, params (string Name, string Value)[] fields)
    {
        using var browser = TestSignIn.As(app.CreateClient(new() { AllowAutoRedirect = false }), who.Me.UserId);
        var token = await AntiforgeryTokens.FormTokenAsync(browser, page);
        var body = fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)).Append(new(AntiforgeryTokens.FormField, token));
        var response = await browser.PostAsync(action, new FormUrlEncodedContent(body));
        if (response.StatusCode == HttpStatusCode.Redirect) response = await browser.GetAsync(response.Headers.Location);
        await Expect.StatusAsync(response, HttpStatusCode.OK);
        return (response.RequestMessage!.RequestUri!, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
    }

    private static readonly (string, string)[] Event =
    [
        ("Form.Name", "Tokyo supplier day"), ("Form.Place", "Tokyo Big Sight"), ("Form.FirstDay", Samples.InDays(20).ToString("yyyy-MM-dd")),
        ("Form.Days", "1"), ("Form.DayStart", "09:00"), ("Form.DayEnd", "11:00"), ("Form.MeetingMinutes", "30"), ("Form.Breaks", ""),
        ("Form.Tables", "2"), ("Form.RegistrationOpens", Samples.InDays(0).ToString("yyyy-MM-dd")),
        ("Form.RegistrationCloses", Samples.InDays(5).ToString("yyyy-MM-dd")), ("Form.Smes", "true"), ("Form.Buyers", "true"), ("Form.RequestLimit", "5"),
    ];

    [Fact]
    public async Task An_intermediary_runs_a_supplier_day_through_the_pages_from_creation_to_the_agenda()
    {
        var organiser = await app.SignUpAsync(OrganizationKind.Intermediary);
        var (_, refused) = await SubmitAsync(organiser, "/Events", "/Events", [.. Event, ("Form.TimeZone", "Nowhere/Atlantis")]);
        Assert.Contains("is not a known time zone", refused);
        var (at, _) = await SubmitAsync(organiser, "/Events", "/Events", [.. Event, ("Form.TimeZone", "Asia/Tokyo")]);
        var id = int.Parse(at.AbsolutePath.Split('/').Last());
        var page = $"/Events/{id}";

        var (sme, buyer) = (await app.SignUpAsync(OrganizationKind.Sme), await app.SignUpAsync(OrganizationKind.Mne));
        var (_, overlapping) = await SubmitAsync(sme, page, $"{page}?handler=Register", ("Registration.Days[0]", "09:00-10:00, 09:30-11:00"));
        Assert.Contains("must not overlap", overlapping);
        await SubmitAsync(sme, page, $"{page}?handler=Register", ("Registration.Offers", "cnc milling"), ("Registration.Days[0]", "09:00-10:00"));
        await SubmitAsync(buyer, page, $"{page}?handler=Register", ("Registration.Seeks", "cnc milling"));
        var buyerId = (await Expect.JsonAsync(await buyer.Client.GetAsync($"/api/events/{id}"), HttpStatusCode.OK)).GetProperty("yourParticipantId").GetInt32();

        var (_, requested) = await SubmitAsync(sme, page, $"{page}?handler=Request", ("with", buyerId.ToString()), ("note", "Our 5-axis cell is free in March."));
        Assert.Contains("Your request is sent.", requested);
        var meeting = Assert.Single(await buyer.MeetingsAsync(id)).GetProperty("id").GetInt32();
        var (_, accepted) = await SubmitAsync(buyer, page, $"{page}?handler=Accept", ("meeting", meeting.ToString()));
        Assert.Contains("The meeting is accepted.", accepted);

        // Only the organiser's page has the scheduler; a participant's post is refused with the reason.
        var (_, notOrganiser) = await SubmitAsync(buyer, page, $"{page}?handler=Schedule");
        Assert.Contains("Only the organiser schedules", notOrganiser);
        var (_, running) = await SubmitAsync(organiser, page, $"{page}?handler=Schedule");
        Assert.Contains("id=\"schedule-status\"", running);
        for (var i = 0; i < 100 && !(await organiser.MeetingsAsync(id))[0].TryGetProperty("slot", out _); i++)
            await Task.Delay(100);

        var agenda = WebUtility.HtmlDecode(await (await sme.Client.GetAsync($"/Events/{id}/Agenda")).Content.ReadAsStringAsync());
        var buyerName = (await Expect.JsonAsync(await buyer.Client.GetAsync($"/api/organizations/{buyer.Me.OrgId}"), HttpStatusCode.OK)).GetProperty("name").GetString()!;
        Assert.Contains(buyerName, agenda);
        Assert.Contains("/api/event-feeds/", agenda);
        var organiserView = WebUtility.HtmlDecode(await (await organiser.Client.GetAsync(page)).Content.ReadAsStringAsync());
        Assert.Contains("id=\"meetings\"", organiserView);
        var outsider = await app.SignUpAsync(OrganizationKind.Sme);
        var strangers = await outsider.Client.GetAsync($"/Events/{id}/Agenda");
        Assert.DoesNotContain("/api/event-feeds/", await strangers.Content.ReadAsStringAsync());
        Assert.DoesNotContain(buyerName, await strangers.Content.ReadAsStringAsync());
    }
}
