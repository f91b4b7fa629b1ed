using System.Net;
using System.Text.Json;
using GvcMatch.Web.Features.Organizations;
using GvcMatch.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using OfferKit = GvcMatch.Web.Tests.Offers.OfferKit;

namespace GvcMatch.Web.Tests.Consortia;

/// <summary>Forming a consortium over the API: invitations, answers, parts of the work, leaving, dissolving, and who may do what.</summary>
public abstract class ConsortiumFlowTests(GvcMatchApp app)
{
    private static string Status(JsonElement consortium) => consortium.GetProperty("status").GetString()!;

    private static JsonElement MemberOf(JsonElement consortium, Member who) =>
        consortium.GetProperty("members").EnumerateArray().Single(m => m.GetProperty("organizationId").GetInt32() == who.Me.OrgId);

    [DatabaseFact]
    public async Task The_lead_invites_partners_and_the_consortium_becomes_active_when_one_accepts()
    {
        var s = await ConsortiumScenario.ArrangeAsync(app);
        var id = await s.FormAsync();

        var formed = await ConsortiumScenario.GetAsync(s.Lead, id);
        Assert.Equal("Forming", Status(formed));
        Assert.Equal("Lead", MemberOf(formed, s.Lead).GetProperty("role").GetString());
        Assert.Equal("Accepted", MemberOf(formed, s.Lead).GetProperty("status").GetString());
        Assert.Equal("Invited", MemberOf(formed, s.Partner).GetProperty("status").GetString());
        Assert.Equal(s.Buyer.Me.OrgId, formed.GetProperty("buyerOrganizationId").GetInt32());

        // The invitees are told, and see the invitation among their consortia.
        var invite = Assert.Single(await ConsortiumScenario.InboxAsync(s.Partner, "consortium-invite"));
        Assert.Equal($"/Consortia/{id}", invite.GetProperty("link").GetString());
        var partnersList = await Expect.JsonAsync(await s.Partner.Client.GetAsync("/api/consortia"), HttpStatusCode.OK);
        Assert.Equal("Invited", Assert.Single(partnersList.EnumerateArray()).GetProperty("yourStatus").GetString());

        var accepted = await Expect.JsonAsync(await s.Partner.Client.PostAsync($"/api/consortia/{id}/accept"), HttpStatusCode.OK);
        Assert.Equal("Accepted", accepted.GetProperty("status").GetString());
        Assert.Equal("Active", accepted.GetProperty("consortiumStatus").GetString());
        var declined = await Expect.JsonAsync(await s.Third.Client.PostAsync($"/api/consortia/{id}/decline"), HttpStatusCode.OK);
        Assert.Equal("Declined", declined.GetProperty("status").GetString());

        Assert.Equal("Active", Status(await ConsortiumScenario.GetAsync(s.Lead, id)));
        var answers = await ConsortiumScenario.InboxAsync(s.Lead, "consortium-answer");
        Assert.Equal(2, answers.Count);
        Assert.Contains(answers, n => n.GetProperty("title").GetString()!.EndsWith("accepted your invitation", StringComparison.Ordinal));
        Assert.Contains(answers, n => n.GetProperty("title").GetString()!.EndsWith("declined your invitation", StringComparison.Ordinal));

        // Having declined, the third SME no longer sees the consortium; answering twice is a conflict.
        await Expect.ProblemAsync(await s.Third.Client.GetAsync($"/api/consortia/{id}"), HttpStatusCode.NotFound);
        Assert.Empty((await Expect.JsonAsync(await s.Third.Client.GetAsync("/api/consortia"), HttpStatusCode.OK)).EnumerateArray());
        await Expect.ProblemAsync(await s.Partner.Client.PostAsync($"/api/consortia/{id}/accept"), HttpStatusCode.Conflict);
    }

    [DatabaseFact]
    public async Task A_member_that_leaves_takes_the_consortium_back_to_forming_and_the_lead_cannot_leave()
    {
        var s = await ConsortiumScenario.ArrangeAsync(app);
        var id = await s.FormAsync();
        await ConsortiumScenario.AcceptAsync(s.Partner, id);

        await Expect.ProblemAsync(await s.Lead.Client.PostAsync($"/api/consortia/{id}/leave"), HttpStatusCode.Conflict);
        await Expect.ProblemAsync(await s.Third.Client.PostAsync($"/api/consortia/{id}/leave"), HttpStatusCode.Conflict);
        var left = await Expect.JsonAsync(await s.Partner.Client.PostAsync($"/api/consortia/{id}/leave"), HttpStatusCode.OK);
        Assert.Equal("Left", left.GetProperty("status").GetString());
        Assert.Equal("Forming", left.GetProperty("consortiumStatus").GetString());
        await Expect.ProblemAsync(await s.Partner.Client.GetAsync($"/api/consortia/{id}"), HttpStatusCode.NotFound);
        Assert.Single(await ConsortiumScenario.InboxAsync(s.Lead, "consortium-change"));

        // Invited again, it may come back; any user of the invited SME answers for it.
        var colleague = await OfferKit.AddColleagueAsync(app, s.Partner);
        await Expect.StatusAsync(await s.Lead.Client.PostJsonAsync($"/api/consortia/{id}/invitations", new { organizationId = s.Partner.Me.OrgId }), HttpStatusCode.OK);
        Assert.Single(await ConsortiumScenario.InboxAsync(colleague, "consortium-invite"));
        await ConsortiumScenario.AcceptAsync(colleague, id);
        Assert.Equal("Active", Status(await ConsortiumScenario.GetAsync(s.Lead, id)));
    }

    [DatabaseFact]
    public async Task A_non_member_cannot_read_or_act_for_the_consortium_and_nothing_changes()
    {
        var s = await ConsortiumScenario.ArrangeAsync(app);
        var id = await s.FormAsync();
        await ConsortiumScenario.AcceptAsync(s.Partner, id);
        var before = await s.SnapshotAsync(id);
        var outsider = await app.SignUpAsync(OrganizationKind.Sme);

        foreach (var stranger in new[] { outsider, s.Buyer })
        {
            var c = stranger.Client;
            await Expect.ProblemAsync(await c.GetAsync($"/api/consortia/{id}"), HttpStatusCode.NotFound);
            await Expect.ProblemAsync(await c.GetAsync($"/api/consortia/{id}/coverage"), HttpStatusCode.NotFound);
            await Expect.ProblemAsync(await c.PostJsonAsync($"/api/consortia/{id}/invitations", new { organizationId = outsider.Me.OrgId }), HttpStatusCode.NotFound);
            await Expect.ProblemAsync(await c.PostAsync($"/api/consortia/{id}/accept"), HttpStatusCode.NotFound);
            await Expect.ProblemAsync(await c.PostAsync($"/api/consortia/{id}/decline"), HttpStatusCode.NotFound);
            await Expect.ProblemAsync(await c.PostAsync($"/api/consortia/{id}/leave"), HttpStatusCode.NotFound);
            await Expect.ProblemAsync(await c.PostAsync($"/api/consortia/{id}/dissolve"), HttpStatusCode.NotFound);
            await Expect.ProblemAsync(await c.PutJsonAsync($"/api/consortia/{id}/members/{s.Partner.Me.OrgId}", new { sharePercent = 1 }), HttpStatusCode.NotFound);
            await Expect.ProblemAsync(await c.PostAsync($"/api/consortia/{id}/conversation"), HttpStatusCode.NotFound);
            Assert.Empty((await Expect.JsonAsync(await c.GetAsync("/api/consortia"), HttpStatusCode.OK)).EnumerateArray());
        }

        // A member that is not the lead may read, but not act for the consortium.
        await Expect.ProblemAsync(await s.Partner.Client.PostJsonAsync($"/api/consortia/{id}/invitations", new { organizationId = outsider.Me.OrgId }), HttpStatusCode.Forbidden);
        await Expect.ProblemAsync(await s.Partner.Client.PutJsonAsync($"/api/consortia/{id}/members/{s.Partner.Me.OrgId}", new { sharePercent = 99 }), HttpStatusCode.Forbidden);
        await Expect.ProblemAsync(await s.Third.Client.PostAsync($"/api/consortia/{id}/dissolve"), HttpStatusCode.Forbidden);
        Assert.Equal(before, await s.SnapshotAsync(id));
        using var anonymous = app.CreateClient();
        await Expect.StatusAsync(await anonymous.GetAsync($"/api/consortia/{id}"), HttpStatusCode.Unauthorized);
    }

    [DatabaseFact]
    public async Task Shares_over_100_percent_and_unknown_criteria_or_lots_are_refused_with_a_problem()
    {
        var s = await ConsortiumScenario.ArrangeAsync(app);
        var id = await s.FormAsync();
        await ConsortiumScenario.AcceptAsync(s.Partner, id);
        var before = await s.SnapshotAsync(id);
        var member = $"/api/consortia/{id}/members/{s.Partner.Me.OrgId}";

        await Expect.ValidationErrorAsync(await s.Lead.Client.PutJsonAsync(member, new { sharePercent = 41 }), "sharePercent");
        await Expect.ValidationErrorAsync(await s.Lead.Client.PutJsonAsync(member, new { sharePercent = -1 }), "sharePercent");
        await Expect.ValidationErrorAsync(await s.Lead.Client.PutJsonAsync(member, new { criteria = new[] { 4 } }), "criteria");
        await Expect.ValidationErrorAsync(await s.Lead.Client.PutJsonAsync(member, new { lots = new[] { 1 } }), "lots");
        await Expect.ValidationErrorAsync(await s.Lead.Client.PutJsonAsync(member, new { work = new string('x', 1001) }), "work");
        // The invited third SME's share counts as if it accepted, so no answer can push the total past 100.
        await Expect.ValidationErrorAsync(await s.Lead.Client.PutJsonAsync($"/api/consortia/{id}/members/{s.Third.Me.OrgId}", new { sharePercent = 1 }), "sharePercent");
        Assert.Equal(before, await s.SnapshotAsync(id));

        var updated = await Expect.JsonAsync(await s.Lead.Client.PutJsonAsync(member, new { sharePercent = 30, work = "Coating and packing", criteria = new[] { 2, 3 } }), HttpStatusCode.OK);
        var partner = MemberOf(updated, s.Partner);
        Assert.Equal(30, partner.GetProperty("sharePercent").GetDecimal());
        Assert.Equal([2, 3], partner.GetProperty("criteria").EnumerateArray().Select(e => e.GetInt32()));
        Assert.Equal(90, updated.GetProperty("acceptedShares").GetDecimal());
    }

    [DatabaseFact]
    public async Task Two_share_edits_at_once_never_take_the_shares_past_100_percent()
    {
        var s = await ConsortiumScenario.ArrangeAsync(app);
        var id = await s.FormAsync(new { sharePercent = 20 },
            new { organizationId = s.Partner.Me.OrgId, sharePercent = 10 }, new { organizationId = s.Third.Me.OrgId });
        await ConsortiumScenario.AcceptAsync(s.Partner, id);

        // Each edit alone keeps the total at 90 or less; both together would make 140.
        for (var round = 0; round < 5; round++)
        {
            var partner = s.Lead.Client.PutJsonAsync($"/api/consortia/{id}/members/{s.Partner.Me.OrgId}", new { sharePercent = 60 - round });
            var third = s.Lead.Client.PutJsonAsync($"/api/consortia/{id}/members/{s.Third.Me.OrgId}", new { sharePercent = 60 - round });
            var answers = await Task.WhenAll(partner, third);
            if (round == 0) Assert.Contains(answers, r => r.StatusCode == HttpStatusCode.OK);
            Assert.All(answers, r => Assert.Contains(r.StatusCode, new[] { HttpStatusCode.OK, HttpStatusCode.BadRequest, HttpStatusCode.Conflict }));
            var stored = await app.WithDbAsync(db => db.ConsortiumMembers.Where(m => m.ConsortiumId == id).Select(m => m.SharePercent).ToListAsync());
            Assert.True(stored.Sum() <= 100, $"Round {round}: the shares add up to {stored.Sum()}.");
        }
    }

    [DatabaseFact]
    public async Task Only_smes_other_than_the_buyer_can_be_invited_and_at_most_the_member_limit()
    {
        var s = await ConsortiumScenario.ArrangeAsync(app);
        var id = await s.FormAsync();
        var invitations = $"/api/consortia/{id}/invitations";
        var otherBuyer = await app.SignUpAsync(OrganizationKind.Mne);

        await Expect.ValidationErrorAsync(await s.Lead.Client.PostJsonAsync(invitations, new { organizationId = s.Buyer.Me.OrgId }), "organizationId");
        await Expect.ValidationErrorAsync(await s.Lead.Client.PostJsonAsync(invitations, new { organizationId = otherBuyer.Me.OrgId }), "organizationId");
        await Expect.ValidationErrorAsync(await s.Lead.Client.PostJsonAsync(invitations, new { organizationId = s.Lead.Me.OrgId }), "organizationId");
        await Expect.ValidationErrorAsync(await s.Lead.Client.PostJsonAsync(invitations, new { organizationId = 999999999 }), "organizationId");
        await Expect.ValidationErrorAsync(await s.Lead.Client.PostJsonAsync(invitations, new { }), "organizationId");
        await Expect.ProblemAsync(await s.Lead.Client.PostJsonAsync(invitations, new { organizationId = s.Partner.Me.OrgId }), HttpStatusCode.Conflict);

        // Lead + 2 invited; five more make eight; the ninth is refused.
        for (var i = 0; i < 5; i++)
        {
            var sme = await app.SignUpAsync(OrganizationKind.Sme);
            await Expect.StatusAsync(await s.Lead.Client.PostJsonAsync(invitations, new { organizationId = sme.Me.OrgId }), HttpStatusCode.OK);
        }
        var ninth = await app.SignUpAsync(OrganizationKind.Sme);
        await Expect.ValidationErrorAsync(await s.Lead.Client.PostJsonAsync(invitations, new { organizationId = ninth.Me.OrgId }), "organizationId");

        // Only SMEs form consortia, for a published requirement, and one led consortium per requirement.
        await Expect.ProblemAsync(await s.Buyer.Client.PostJsonAsync("/api/consortia", new { requirementId = s.Requirement }), HttpStatusCode.Forbidden);
        await Expect.ProblemAsync(await s.Lead.Client.PostJsonAsync("/api/consortia", new { requirementId = s.Requirement }), HttpStatusCode.Conflict);
        await Expect.ProblemAsync(await s.Partner.Client.PostJsonAsync("/api/consortia", new { requirementId = 999999999 }), HttpStatusCode.NotFound);
        await Expect.ValidationErrorAsync(await s.Partner.Client.PostJsonAsync("/api/consortia", new { }), "requirementId");
    }

    [DatabaseFact]
    public async Task The_lead_hands_over_the_lead_and_dissolving_ends_every_action()
    {
        var s = await ConsortiumScenario.ArrangeAsync(app);
        var id = await s.FormAsync();
        await ConsortiumScenario.AcceptAsync(s.Partner, id);

        await Expect.ValidationErrorAsync(await s.Lead.Client.PutJsonAsync($"/api/consortia/{id}/members/{s.Third.Me.OrgId}", new { role = "Lead" }), "role");
        var handed = await Expect.JsonAsync(await s.Lead.Client.PutJsonAsync($"/api/consortia/{id}/members/{s.Partner.Me.OrgId}", new { role = "Lead" }), HttpStatusCode.OK);
        Assert.Equal(s.Partner.Me.OrgId, handed.GetProperty("leadOrganizationId").GetInt32());
        Assert.Equal("Member", MemberOf(handed, s.Lead).GetProperty("role").GetString());
        await Expect.ProblemAsync(await s.Lead.Client.PostAsync($"/api/consortia/{id}/dissolve"), HttpStatusCode.Forbidden);

        var dissolved = await Expect.JsonAsync(await s.Partner.Client.PostAsync($"/api/consortia/{id}/dissolve"), HttpStatusCode.OK);
        Assert.Equal("Dissolved", Status(dissolved));
        await Expect.ProblemAsync(await s.Third.Client.PostAsync($"/api/consortia/{id}/accept"), HttpStatusCode.Conflict);
        await Expect.ProblemAsync(await s.Partner.Client.PostJsonAsync($"/api/consortia/{id}/invitations", new { organizationId = s.Third.Me.OrgId }), HttpStatusCode.Conflict);
        Assert.Single(await ConsortiumScenario.InboxAsync(s.Third, "consortium-change"));
    }
}

[Collection(SharedApps.SqliteC)]
public sealed class ConsortiumFlowTestsOnSqlite(SqliteApp app) : ConsortiumFlowTests(app);

[Collection(SharedApps.PostgresC)]
public sealed class ConsortiumFlowTestsOnPostgres(PostgresApp app) : ConsortiumFlowTests(app), IUsesPostgres;
