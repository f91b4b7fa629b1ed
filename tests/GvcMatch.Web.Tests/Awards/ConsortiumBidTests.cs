using System.Net;
using GvcMatch.Web.Features.Bids;
using GvcMatch.Web.Features.Consortia;
using GvcMatch.Web.Features.Organizations;
using GvcMatch.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GvcMatch.Web.Tests.Awards;

/// <summary>
/// A consortium's bid: the product scores it with the consortium coverage rule (each criterion by
/// the members whose work covers it); the award records the consortium and its SME members; every
/// accepted member reads the debrief, and nobody outside the consortium does.
/// </summary>
public abstract class ConsortiumBidTests(GvcMatchApp app)
{
    [DatabaseFact]
    public async Task A_consortium_bid_is_scored_by_the_members_work_awarded_as_one_party_and_debriefed_to_every_member()
    {
        var buyer = await app.SignUpAsync(OrganizationKind.Mne);
        // The ISO 9001 is asked of the members doing the milling (without a role it would be asked of every member).
        var criteria = AwardKit.Criteria();
        criteria[0] = criteria[0] with { Role = "cnc milling" };
        var id = await buyer.PublishNewRequirementAsync(Samples.Requirement("Anodised housings") with { ResponseDeadline = app.ClockToday(), Criteria = criteria });
        var lead = await app.BidderAsync();
        var member = await app.BidderAsync(iso9001: false);
        var invitedOnly = await app.BidderAsync();
        var bidId = await app.WithDbAsync(async db =>
        {
            var now = app.Clock.GetUtcNow();
            var consortium = new Consortium
            {
                RequirementId = id, Name = "Housing partners", LeadOrganizationId = lead.Me.OrgId, Status = ConsortiumStatus.Active,
                CreatedByUserId = lead.Me.UserId, CreatedAt = now, UpdatedAt = now,
                Members =
                [
                    new() { OrganizationId = lead.Me.OrgId, Role = ConsortiumRole.Lead, Status = ConsortiumMemberStatus.Accepted, SharePercent = 60, Criteria = [0, 1], InvitedAt = now },
                    new() { OrganizationId = member.Me.OrgId, Role = ConsortiumRole.Member, Status = ConsortiumMemberStatus.Accepted, SharePercent = 40, Criteria = [2, 3], InvitedAt = now },
                    new() { OrganizationId = invitedOnly.Me.OrgId, Role = ConsortiumRole.Member, Status = ConsortiumMemberStatus.Invited, InvitedAt = now },
                ],
            };
            db.Consortia.Add(consortium);
            await db.SaveChangesAsync();
            var bid = new Bid
            {
                RequirementId = id, OrganizationId = lead.Me.OrgId, ConsortiumId = consortium.Id, PartyKey = Bid.PartyKeyFor(lead.Me.OrgId, consortium.Id),
                Status = BidStatus.Submitted, AnsweredVersion = 1, Price = 2500, Currency = "EUR", CreatedByUserId = lead.Me.UserId,
                CreatedAt = now, UpdatedAt = now, SubmittedAt = now,
                Answers = AwardKit.DefaultAnswers().Select(a => new BidAnswer { CriterionIndex = a.Index, Value = a.Value, Number = a.Number, Evidence = a.Evidence }).ToList(),
            };
            db.Bids.Add(bid);
            await db.SaveChangesAsync();
            return bid.Id;
        });
        app.PassDeadline();
        buyer = await app.FreshAsync(buyer);

        var row = AwardKit.BidRow(await buyer.EvaluationAsync(id), bidId);
        Assert.Contains("Housing partners", row.GetProperty("bidder").GetString());
        // The lead does C1 (its ISO 9001 counts) and C2; the member, without ISO 9001, does C3 and
        // C4, so its 20,000 pieces a month are the consortium's capacity: 2/3 of the 30,000 sought.
        Assert.All(row.GetProperty("scores").EnumerateArray(), s => Assert.True(s.GetProperty("computed").GetBoolean()));
        Assert.Equal(1, AwardKit.ScoreOf(row, 0).GetProperty("score").GetDouble());
        Assert.StartsWith("C1: ", AwardKit.ScoreOf(row, 0).GetProperty("reason").GetString());
        Assert.Equal(0.6667, AwardKit.ScoreOf(row, 3).GetProperty("score").GetDouble(), 3);
        await buyer.CompleteScoresAsync(id, bidId);
        await Expect.StatusAsync(await buyer.Client.AwardAsync(id, bidId), HttpStatusCode.OK);

        var outcome = await app.WithDbAsync(db => db.OutcomeRecords.AsNoTracking().SingleAsync(o => o.RequirementId == id));
        Assert.Equal(lead.Me.OrgId, outcome.WinnerOrganizationId);
        Assert.NotNull(outcome.WinnerConsortiumId);
        Assert.True(outcome.WinnerIsSme);
        Assert.Equal(2, outcome.SmeMemberCount);

        foreach (var reader in new[] { lead, member })
        {
            var debrief = await Expect.JsonAsync(await (await app.FreshAsync(reader)).Client.GetAsync($"/api/bids/{bidId}/debrief"), HttpStatusCode.OK);
            Assert.True(debrief.GetProperty("won").GetBoolean());
        }
        await Expect.ProblemAsync(await (await app.FreshAsync(invitedOnly)).Client.GetAsync($"/api/bids/{bidId}/debrief"), HttpStatusCode.NotFound);
        var told = await app.WithDbAsync(db => db.Notifications.AsNoTracking().Where(n => n.Link == $"/Requirements/{id}").Select(n => n.UserId).ToListAsync());
        Assert.Equal(new[] { lead.Me.UserId, member.Me.UserId }.Order(), told.Order());
    }
}

public sealed class ConsortiumBidTestsOnSqlite(SqliteApp app) : ConsortiumBidTests(app), IClassFixture<SqliteApp>;

public sealed class ConsortiumBidTestsOnPostgres(PostgresApp app) : ConsortiumBidTests(app), IClassFixture<PostgresApp>, IUsesPostgres;
