using System.Net;
using GvcMatch.Matching;
using GvcMatch.Web.Features.Organizations;
using GvcMatch.Web.Tests.Infrastructure;

namespace GvcMatch.Web.Tests.Events;

/// <summary>Suggestions from the matcher, and meeting requests with their limits and access rules.</summary>
public abstract class MeetingRequestTests(GvcMatchApp app)
{
    [DatabaseFact]
    public async Task A_buyer_sees_the_participants_ranked_with_explanations_and_which_smes_qualify_for_its_requirement()
    {
        var organiser = await app.SignUpAsync(OrganizationKind.Intermediary);
        var id = await organiser.CreateEventAsync();
        var buyer = await app.SignUpAsync(OrganizationKind.Mne);
        var requirement = await buyer.PublishNewRequirementAsync();
        var machinist = await app.SignUpAsync(OrganizationKind.Sme);
        await machinist.SaveProfileAsync();
        var upholsterer = await app.SignUpAsync(OrganizationKind.Sme);
        await upholsterer.SaveProfileAsync(Samples.Profile("Upholstery for office chairs.") with
        {
            Capabilities = ["upholstery"], Materials = ["leather"], Equipment = ["sewing machines"], Certifications = [],
        });
        var buyerId = await buyer.RegisterAtAsync(id, new { seeks = new[] { "cnc milling", "anodising" }, requirementIds = new[] { requirement } });
        var machinistId = await machinist.RegisterAtAsync(id, new { offers = new[] { "prototype runs" } });
        var upholstererId = await upholsterer.RegisterAtAsync(id);

        var ranked = (await Expect.JsonAsync(await buyer.Client.GetAsync($"/api/events/{id}/suggestions"), HttpStatusCode.OK)).EnumerateArray().ToList();
        Assert.Equal([machinistId, upholstererId], ranked.Select(r => r.GetProperty("participantId").GetInt32()));
        var first = ranked[0];
        Assert.True(first.GetProperty("total").GetDouble() > ranked[1].GetProperty("total").GetDouble());
        var line = Assert.Single(first.GetProperty("criteria").EnumerateArray());
        Assert.Equal(nameof(CriterionKind.CapabilityFit), line.GetProperty("kind").GetString());
        Assert.Contains("cnc milling", line.GetProperty("evidence").GetString());
        var fit = Assert.Single(first.GetProperty("requirements").EnumerateArray());
        Assert.Equal(requirement, fit.GetProperty("requirementId").GetInt32());
        Assert.True(fit.GetProperty("qualified").GetBoolean());
        Assert.False(Assert.Single(ranked[1].GetProperty("requirements").EnumerateArray()).GetProperty("qualified").GetBoolean());

        // The SME sees the buyer, with where it stands on the requirement the buyer brought.
        var seenBySme = Assert.Single((await Expect.JsonAsync(await machinist.Client.GetAsync($"/api/events/{id}/suggestions"), HttpStatusCode.OK))
            .EnumerateArray(), s => s.GetProperty("participantId").GetInt32() == buyerId);
        Assert.True(Assert.Single(seenBySme.GetProperty("requirements").EnumerateArray()).GetProperty("qualified").GetBoolean());

        var outsider = await app.SignUpAsync(OrganizationKind.Sme);
        await Expect.ProblemAsync(await outsider.Client.GetAsync($"/api/events/{id}/suggestions"), HttpStatusCode.Forbidden);
    }

    [DatabaseFact]
    public async Task A_request_is_accepted_or_declined_only_by_the_one_asked_and_each_side_sees_only_its_own()
    {
        var organiser = await app.SignUpAsync(OrganizationKind.Intermediary);
        var id = await organiser.CreateEventAsync();
        var (buyer, sme, other) = (await app.SignUpAsync(OrganizationKind.Mne), await app.SignUpAsync(OrganizationKind.Sme), await app.SignUpAsync(OrganizationKind.Sme));
        var buyerId = await buyer.RegisterAtAsync(id);
        var smeId = await sme.RegisterAtAsync(id);
        var otherId = await other.RegisterAtAsync(id);

        var asked = await sme.RequestAsync(id, buyerId, "We machine housings like yours.");
        await Expect.ProblemAsync(await sme.Client.PostAsync($"/api/events/{id}/meetings/{asked}/accept"), HttpStatusCode.Forbidden);
        await Expect.ProblemAsync(await other.Client.PostAsync($"/api/events/{id}/meetings/{asked}/accept"), HttpStatusCode.NotFound);
        await buyer.AcceptAsync(id, asked);
        await Expect.ProblemAsync(await buyer.Client.PostJsonAsync($"/api/events/{id}/meetings/{asked}/decline", new { reason = "Changed my mind" }), HttpStatusCode.Conflict);

        var second = await other.RequestAsync(id, buyerId);
        await Expect.ValidationErrorAsync(await buyer.Client.PostJsonAsync($"/api/events/{id}/meetings/{second}/decline", new { reason = "" }), "reason");
        var declined = await Expect.JsonAsync(await buyer.Client.PostJsonAsync($"/api/events/{id}/meetings/{second}/decline", new { reason = "We source no castings." }), HttpStatusCode.OK);
        Assert.Equal("Declined", declined.GetProperty("status").GetString());
        Assert.Equal("We source no castings.", declined.GetProperty("declineReason").GetString());

        Assert.Equal([asked], (await sme.MeetingsAsync(id)).Select(m => m.GetProperty("id").GetInt32()));
        Assert.Equal([second], (await other.MeetingsAsync(id)).Select(m => m.GetProperty("id").GetInt32()));
        Assert.Equal(2, (await organiser.MeetingsAsync(id)).Count);
        var outsider = await app.SignUpAsync(OrganizationKind.Sme);
        await Expect.ProblemAsync(await outsider.Client.GetAsync($"/api/events/{id}/meetings"), HttpStatusCode.Forbidden);
        await Expect.ProblemAsync(await outsider.Client.PostJsonAsync($"/api/events/{id}/meetings", new { with = buyerId }), HttpStatusCode.Forbidden);
        Assert.Contains(await app.WithDbAsync(db => Task.FromResult(db.Notifications.Where(n => n.UserId == buyer.Me.UserId).Select(n => n.Kind).ToList())),
            k => k == "event-meeting");
        _ = smeId; _ = otherId;
    }

    [DatabaseFact]
    public async Task Requests_to_oneself_to_strangers_twice_over_the_limit_or_after_close_are_refused()
    {
        var organiser = await app.SignUpAsync(OrganizationKind.Intermediary);
        var id = await organiser.CreateEventAsync(EventKit.Fair(requestLimit: 1));
        var sme = await app.SignUpAsync(OrganizationKind.Sme);
        var (first, second) = (await app.SignUpAsync(OrganizationKind.Mne), await app.SignUpAsync(OrganizationKind.Mne));
        var smeId = await sme.RegisterAtAsync(id);
        var firstId = await first.RegisterAtAsync(id);
        var secondId = await second.RegisterAtAsync(id);
        var url = $"/api/events/{id}/meetings";

        await Expect.ValidationErrorAsync(await sme.Client.PostJsonAsync(url, new { with = smeId }), "with");
        await Expect.ValidationErrorAsync(await sme.Client.PostJsonAsync(url, new { with = 99999999 }), "with");
        await Expect.ValidationErrorAsync(await sme.Client.PostJsonAsync(url, new { note = "Who?" }), "with");
        await Expect.ValidationErrorAsync(await sme.Client.PostJsonAsync(url, new { with = firstId, note = new string('x', 1001) }), "note");
        await sme.RequestAsync(id, firstId);
        await Expect.ProblemAsync(await first.Client.PostJsonAsync(url, new { with = smeId }), HttpStatusCode.Conflict);
        await Expect.ValidationErrorAsync(await sme.Client.PostJsonAsync(url, new { with = secondId }), "with");

        var closing = await organiser.CreateEventAsync(EventKit.Fair().With("registrationClosesAt", DateTimeOffset.UtcNow.AddSeconds(3)));
        var early = await first.RegisterAtAsync(closing);
        await second.RegisterAtAsync(closing);
        // Past the close on the app's clock, without waiting for it (this class has an app of its own).
        app.Clock.Advance(TimeSpan.FromSeconds(4));
        await Expect.ValidationErrorAsync(await second.Client.PostJsonAsync($"/api/events/{closing}/meetings", new { with = early }), "registration");
    }
}

public sealed class MeetingRequestTestsOnSqlite(SqliteApp app) : MeetingRequestTests(app), IClassFixture<SqliteApp>;

public sealed class MeetingRequestTestsOnPostgres(PostgresApp app) : MeetingRequestTests(app), IClassFixture<PostgresApp>, IUsesPostgres;
