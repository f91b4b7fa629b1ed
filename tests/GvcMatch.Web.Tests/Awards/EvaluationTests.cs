using System.Net;
using GvcMatch.Web.Features.Organizations;
using GvcMatch.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GvcMatch.Web.Tests.Awards;

/// <summary>The buyer's evaluation: sealed until the deadline, computed where the product can, scored by hand with a reason.</summary>
public abstract class EvaluationTests(GvcMatchApp app)
{
    [DatabaseFact]
    public async Task The_evaluation_before_the_deadline_is_a_conflict_naming_when_bids_open_and_a_sealed_bid_cannot_be_scored()
    {
        var buyer = await app.SignUpAsync(OrganizationKind.Mne);
        var id = await buyer.PublishClosingTodayAsync(app);
        var bidder = await app.BidderAsync();
        var bid = await app.SubmitBidAsync(id, bidder);

        var sealedList = await Expect.ProblemAsync(await buyer.Client.GetAsync($"/api/requirements/{id}/evaluation"), HttpStatusCode.Conflict);
        Assert.StartsWith("bids are sealed until ", sealedList.GetProperty("detail").GetString());
        // One sealed bid is answered as a missing one, so the buyer cannot count the bids.
        await Expect.ProblemAsync(await buyer.ScoreAsync(bid, 1, 0.5, "Too early"), HttpStatusCode.NotFound);
        Assert.Equal(0, await app.WithDbAsync(db => db.BidScores.CountAsync(s => s.BidId == bid)));
    }

    [DatabaseFact]
    public async Task The_product_scores_from_the_answers_and_the_profile_and_leaves_a_cited_certificate_to_the_buyer()
    {
        var buyer = await app.SignUpAsync(OrganizationKind.Mne);
        var id = await buyer.PublishClosingTodayAsync(app);
        var verified = await app.BidderAsync(verified: true);
        var unverified = await app.BidderAsync();
        var citing = await app.BidderAsync(iso9001: false);
        var silent = await app.BidderAsync(iso9001: false);
        var verifiedBid = await app.SubmitBidAsync(id, verified);
        var unverifiedBid = await app.SubmitBidAsync(id, unverified);
        var citingBid = await app.SubmitBidAsync(id, citing);
        var silentBid = await app.SubmitBidAsync(id, silent, answers: [new(1, "milling"), new(2, Number: 45), new(3, Number: 10000)]);
        app.PassDeadline();
        buyer = await app.FreshAsync(buyer);

        var evaluation = await buyer.EvaluationAsync(id);

        Assert.Equal(4, evaluation.GetProperty("bids").GetArrayLength());
        Assert.Equal(["C1", "C2", "C3", "C4"], evaluation.GetProperty("criteria").EnumerateArray().Select(c => c.GetProperty("label").GetString()!).ToArray());
        // The verified profile states 20,000 pieces a month: the declared 40,000 does not count.
        var capped = AwardKit.ScoreOf(AwardKit.BidRow(evaluation, verifiedBid), 3);
        Assert.Equal(0.6667, capped.GetProperty("score").GetDouble(), 4);
        Assert.True(capped.GetProperty("computed").GetBoolean());
        Assert.Contains("verified profile states 20000", capped.GetProperty("reason").GetString());
        // An unverified bidder's declared figure counts, and the reason says it was not checked.
        var declared = AwardKit.ScoreOf(AwardKit.BidRow(evaluation, unverifiedBid), 3);
        Assert.Equal(1, declared.GetProperty("score").GetDouble());
        Assert.Contains("not verified", declared.GetProperty("reason").GetString());
        var lead = AwardKit.ScoreOf(AwardKit.BidRow(evaluation, unverifiedBid), 2);
        Assert.Equal(1, lead.GetProperty("score").GetDouble());
        Assert.Contains("20 days", lead.GetProperty("reason").GetString());
        // The certificate held in the profile is computed; one only cited in the answer is left to the buyer.
        Assert.Equal(1, AwardKit.ScoreOf(AwardKit.BidRow(evaluation, unverifiedBid), 0).GetProperty("score").GetDouble());
        var cited = AwardKit.BidRow(evaluation, citingBid);
        Assert.True(AwardKit.IsNull(AwardKit.ScoreOf(cited, 0), "score"));
        Assert.False(cited.GetProperty("complete").GetBoolean());
        Assert.False(cited.GetProperty("disqualified").GetBoolean());
        // No certificate anywhere: the mandatory criterion fails and the bid is disqualified, with the reason.
        var out_ = AwardKit.BidRow(evaluation, silentBid);
        Assert.True(out_.GetProperty("disqualified").GetBoolean());
        Assert.True(AwardKit.IsNull(out_, "rank"));
        Assert.Contains("C1 not met", out_.GetProperty("disqualifiedBy")[0].GetString());
        // Totals use the published weights: 40 × 1 + 30 × 1 + 30 × 0.6667 for the verified bidder.
        Assert.Equal(90, AwardKit.BidRow(evaluation, verifiedBid).GetProperty("total").GetDouble(), 1);
        Assert.Equal(100, AwardKit.BidRow(evaluation, unverifiedBid).GetProperty("total").GetDouble());
        Assert.Equal(1, AwardKit.BidRow(evaluation, unverifiedBid).GetProperty("rank").GetInt32());
        Assert.Equal(unverifiedBid, evaluation.GetProperty("bids")[0].GetProperty("bidId").GetInt32());

        // Opening again computes nothing twice.
        var stored = await app.WithDbAsync(db => db.BidScores.CountAsync(s => s.BidId == verifiedBid || s.BidId == citingBid));
        await buyer.EvaluationAsync(id);
        Assert.Equal(stored, await app.WithDbAsync(db => db.BidScores.CountAsync(s => s.BidId == verifiedBid || s.BidId == citingBid)));
    }

    [DatabaseFact]
    public async Task The_buyer_scores_what_is_left_and_overrides_with_a_reason_that_is_required()
    {
        var buyer = await app.SignUpAsync(OrganizationKind.Mne);
        var id = await buyer.PublishClosingTodayAsync(app);
        var bidder = await app.BidderAsync(iso9001: false);
        var bid = await app.SubmitBidAsync(id, bidder);
        app.PassDeadline();
        buyer = await app.FreshAsync(buyer);
        bidder = await app.FreshAsync(bidder);

        await Expect.ValidationErrorAsync(await buyer.ScoreAsync(bid, 0, 1, null), "reason");
        await Expect.ValidationErrorAsync(await buyer.ScoreAsync(bid, 0, 1, "   "), "reason");
        await Expect.ValidationErrorAsync(await buyer.ScoreAsync(bid, 4, 1, "No such criterion"), "criterionIndex");
        await Expect.ValidationErrorAsync(await buyer.ScoreAsync(bid, -1, 1, "No such criterion"), "criterionIndex");
        await Expect.ValidationErrorAsync(await buyer.ScoreAsync(bid, 1, 1.5, "Too much"), "score");
        await Expect.ValidationErrorAsync(await buyer.ScoreAsync(bid, 1, -0.1, "Too little"), "score");
        await Expect.ValidationErrorAsync(await buyer.ScoreAsync(bid, 1, null, "No score"), "score");
        var notANumber = await buyer.Client.PutAsync($"/api/bids/{bid}/scores/1",
            new StringContent("""{"score":"high","reason":"Words"}""", System.Text.Encoding.UTF8, "application/json"));
        await Expect.ProblemAsync(notANumber, HttpStatusCode.BadRequest);
        // Another organisation cannot score, and the bidder cannot score its own bid.
        var stranger = await app.SignUpAsync(OrganizationKind.Mne);
        await Expect.ProblemAsync(await stranger.ScoreAsync(bid, 1, 1, "Not mine"), HttpStatusCode.NotFound);
        await Expect.ProblemAsync(await bidder.ScoreAsync(bid, 1, 1, "Mine"), HttpStatusCode.Forbidden);
        await Expect.ProblemAsync(await stranger.Client.GetAsync($"/api/requirements/{id}/evaluation"), HttpStatusCode.Forbidden);

        var scored = await Expect.JsonAsync(await buyer.ScoreAsync(bid, 0, 1, "Certificate Q-123 checked with the issuer."), HttpStatusCode.OK);
        var c1 = AwardKit.ScoreOf(scored, 0);
        Assert.Equal(1, c1.GetProperty("score").GetDouble());
        Assert.False(c1.GetProperty("computed").GetBoolean());
        Assert.True(scored.GetProperty("complete").GetBoolean());

        // An override replaces the computed capability score and moves the total by the published weight (40).
        var before = scored.GetProperty("total").GetDouble();
        var c2Before = AwardKit.ScoreOf(scored, 1).GetProperty("score").GetDouble();
        var overridden = await Expect.JsonAsync(await buyer.ScoreAsync(bid, 1, 0.5, "Anodising is subcontracted."), HttpStatusCode.OK);
        Assert.Equal(Math.Round(before - 40 * (c2Before - 0.5), 2), overridden.GetProperty("total").GetDouble(), 2);
        Assert.Equal("Anodising is subcontracted.", AwardKit.ScoreOf(overridden, 1).GetProperty("reason").GetString());
        var row = await app.WithDbAsync(db => db.BidScores.AsNoTracking().SingleAsync(s => s.BidId == bid && s.CriterionIndex == 1));
        Assert.False(row.Computed);
        Assert.Equal(buyer.Me.UserId, row.ScoredByUserId);
    }
}

public sealed class EvaluationTestsOnSqlite(SqliteApp app) : EvaluationTests(app), IClassFixture<SqliteApp>;

public sealed class EvaluationTestsOnPostgres(PostgresApp app) : EvaluationTests(app), IClassFixture<PostgresApp>, IUsesPostgres;
