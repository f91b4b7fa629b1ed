using System.Net;
using System.Text.Json;
using GvcMatch.Matching.Certifications;
using GvcMatch.Web.Features.Audit;
using GvcMatch.Web.Features.Organizations;
using GvcMatch.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GvcMatch.Web.Tests.Awards;

/// <summary>
/// A buyer's score that contradicts a verified fact (a verified certificate met, scored lower) needs
/// its own reason, which is stored with the score, shown in the debrief and kept in the audit trail.
/// </summary>
public abstract class VerifiedFactOverrideTests(GvcMatchApp app)
{
    internal sealed record Scene(Member Buyer, Member Checked, Member Declared, int Requirement, int CheckedBid, int DeclaredBid);

    /// <summary>Two bidders holding ISO 9001 (C1, mandatory): one certificate's document was checked, the other is only declared.</summary>
    internal static async Task<Scene> ArrangeAsync(GvcMatchApp app)
    {
        var buyer = await app.SignUpAsync(OrganizationKind.Mne);
        var id = await buyer.PublishClosingTodayAsync(app);
        var verified = await app.BidderAsync();
        var declared = await app.BidderAsync();
        await app.WithDbAsync(db => db.Certifications
            .Where(c => db.Profiles.Any(p => p.Id == c.ProfileId && p.OrganizationId == verified.Me.OrgId))
            .ExecuteUpdateAsync(u => u.SetProperty(c => c.Evidence, EvidenceLevel.DocumentChecked)));
        var verifiedBid = await app.SubmitBidAsync(id, verified);
        var declaredBid = await app.SubmitBidAsync(id, declared);
        app.PassDeadline();
        return new Scene(await app.FreshAsync(buyer), await app.FreshAsync(verified), await app.FreshAsync(declared), id, verifiedBid, declaredBid);
    }

    internal static Task<HttpResponseMessage> OverrideAsync(Member buyer, int bidId, int criterion, double score, string reason, string? overrideReason) =>
        buyer.Client.PutJsonAsync($"/api/bids/{bidId}/scores/{criterion}", new { score, reason, overrideReason });

    private static string? Text(JsonElement e, string property) => AwardKit.IsNull(e, property) ? null : e.GetProperty(property).GetString();

    [DatabaseFact]
    public async Task Lowering_a_score_that_rests_on_a_verified_certificate_needs_its_own_reason()
    {
        var s = await ArrangeAsync(app);

        var evaluation = await s.Buyer.EvaluationAsync(s.Requirement);
        var c1 = AwardKit.ScoreOf(AwardKit.BidRow(evaluation, s.CheckedBid), 0);
        Assert.True(c1.GetProperty("computed").GetBoolean());
        Assert.Equal("verified certificate", Text(c1, "verifiedFact"));
        Assert.Null(Text(AwardKit.ScoreOf(AwardKit.BidRow(evaluation, s.DeclaredBid), 0), "verifiedFact"));

        // Without the reason for setting the verified certificate aside: refused, nothing changes.
        await Expect.ValidationErrorAsync(await OverrideAsync(s.Buyer, s.CheckedBid, 0, 0, "Not convinced.", null), "overrideReason");
        await Expect.ValidationErrorAsync(await OverrideAsync(s.Buyer, s.CheckedBid, 0, 0, "Not convinced.", "   "), "overrideReason");
        Assert.Equal(1, AwardKit.ScoreOf(AwardKit.BidRow(await s.Buyer.EvaluationAsync(s.Requirement), s.CheckedBid), 0).GetProperty("score").GetDouble());

        // A self-declared certificate is the buyer's to judge with the usual reason; confirming the verified one needs nothing more.
        await Expect.StatusAsync(await OverrideAsync(s.Buyer, s.DeclaredBid, 0, 0, "The certificate number is unknown to the issuer.", null), HttpStatusCode.OK);
        await Expect.StatusAsync(await OverrideAsync(s.Buyer, s.CheckedBid, 0, 1, "Confirmed on the issuer's register.", null), HttpStatusCode.OK);
        // Once rescored by hand, the score still rests on the verified fact.
        await Expect.ValidationErrorAsync(await OverrideAsync(s.Buyer, s.CheckedBid, 0, 0.5, "Partly.", null), "overrideReason");

        var scored = await Expect.JsonAsync(await OverrideAsync(s.Buyer, s.CheckedBid, 0, 0, "Not met.", "The issuer withdrew the certificate on 1 December."), HttpStatusCode.OK);
        var row = AwardKit.ScoreOf(scored, 0);
        Assert.Equal(0, row.GetProperty("score").GetDouble());
        Assert.False(row.GetProperty("computed").GetBoolean());
        Assert.Equal("verified certificate", Text(row, "verifiedFact"));
        Assert.Equal(1, row.GetProperty("computedScore").GetDouble());
        Assert.Equal("The issuer withdrew the certificate on 1 December.", Text(row, "overrideReason"));
        Assert.True(scored.GetProperty("disqualified").GetBoolean());

        var entry = await app.WithDbAsync(db => db.Set<AuditEntry>().AsNoTracking()
            .SingleAsync(a => a.Action == AuditActions.ScoreOverridden && a.TargetId == s.CheckedBid.ToString()));
        Assert.Equal(s.Buyer.Me.UserId, entry.ActorUserId);
        Assert.Contains("computed 1 from a verified certificate, scored 0", entry.Reason);
        Assert.Contains("The issuer withdrew the certificate on 1 December.", entry.Reason);
        // The self-declared override is no contradiction and leaves no such entry.
        Assert.False(await app.WithDbAsync(db => db.Set<AuditEntry>().AnyAsync(a => a.Action == AuditActions.ScoreOverridden && a.TargetId == s.DeclaredBid.ToString())));
    }

    [DatabaseFact]
    public async Task The_bidder_reads_why_its_verified_certificate_was_set_aside_in_its_debrief()
    {
        var s = await ArrangeAsync(app);
        await Expect.StatusAsync(await OverrideAsync(s.Buyer, s.CheckedBid, 0, 0, "Not met.", "The issuer withdrew the certificate on 1 December."), HttpStatusCode.OK);
        await s.Buyer.CompleteScoresAsync(s.Requirement, s.DeclaredBid);
        await Expect.StatusAsync(await s.Buyer.Client.AwardAsync(s.Requirement, s.DeclaredBid), HttpStatusCode.OK);

        var debrief = await Expect.JsonAsync(await s.Checked.Client.GetAsync($"/api/bids/{s.CheckedBid}/debrief"), HttpStatusCode.OK);
        var c1 = debrief.GetProperty("scores").EnumerateArray().Single(x => x.GetProperty("criterionIndex").GetInt32() == 0);
        Assert.Equal("The issuer withdrew the certificate on 1 December.", Text(c1, "overrideReason"));
        Assert.Equal("verified certificate", Text(c1, "verifiedFact"));
        Assert.Equal(1, c1.GetProperty("computedScore").GetDouble());
    }
}

public sealed class VerifiedFactOverrideTestsOnSqlite(SqliteApp app) : VerifiedFactOverrideTests(app), IClassFixture<SqliteApp>;

public sealed class VerifiedFactOverrideTestsOnPostgres(PostgresApp app) : VerifiedFactOverrideTests(app), IClassFixture<PostgresApp>, IUsesPostgres;
