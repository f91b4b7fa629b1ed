using System.Net;
using System.Text.Json;
using GvcMatch.Matching;
using GvcMatch.Web.Features.Bids;
using GvcMatch.Web.Features.Organizations;
using GvcMatch.Web.Features.Requirements;
using GvcMatch.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GvcMatch.Web.Tests.Awards;

/// <summary>
/// Set-up for evaluation and award tests: a requirement published through the API whose deadline is
/// tomorrow on the app's clock, SME bidders with profiles, and submitted bids written straight to the
/// database (as the bids API would leave them), then the clock moved past the deadline.
/// </summary>
public static class AwardKit
{
    /// <summary>C1 mandatory ISO 9001; C2 capability fit (40); C3 lead time ≤ 30 days (30); C4 capacity ≥ 30,000 pieces a month (30).</summary>
    public static List<Criterion> Criteria() =>
    [
        new() { Kind = CriterionKind.CertificationHeld, Mandatory = true, Standard = "ISO 9001" },
        new() { Kind = CriterionKind.CapabilityFit, Weight = 40, Keywords = ["cnc milling", "anodising"] },
        new() { Kind = CriterionKind.LeadTimeAtMost, Weight = 30, Days = 30 },
        new() { Kind = CriterionKind.CapacityAtLeast, Weight = 30, Minimum = 30000, Unit = "pieces" },
    ];

    public static DateOnly ClockToday(this GvcMatchApp app) => DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime);

    /// <summary>A published requirement whose bids close at the end of today (app clock).</summary>
    public static Task<int> PublishClosingTodayAsync(this Member buyer, GvcMatchApp app, string title = "Anodised housings") =>
        buyer.PublishNewRequirementAsync(Samples.Requirement(title) with { ResponseDeadline = app.ClockToday(), Criteria = Criteria() });

    /// <summary>
    /// Moves the app's clock past the end of today, when bids close. Tokens issued before the jump
    /// have lapsed by then: sign the members in again with <see cref="FreshAsync"/>.
    /// </summary>
    public static void PassDeadline(this GvcMatchApp app) => app.Clock.Advance(TimeSpan.FromDays(1));

    /// <summary>The same member with a new token (after the clock moved past the old one's lifetime).</summary>
    public static async Task<Member> FreshAsync(this GvcMatchApp app, Member member) =>
        member with { Client = await app.NewClientAsync(member) };

    /// <summary>An SME with a saved profile (Samples.Profile: ISO 9001, cnc milling and anodising, 20,000 pieces a month, 21 days).</summary>
    public static async Task<Member> BidderAsync(this GvcMatchApp app, bool iso9001 = true, bool verified = false)
    {
        var sme = await app.SignUpAsync(OrganizationKind.Sme);
        var profile = Samples.Profile();
        await sme.SaveProfileAsync(iso9001 ? profile : profile with { Certifications = [] });
        if (verified) await app.MarkVerifiedAsync(sme.Me.OrgId);
        return sme;
    }

    public sealed record Answer(int Index, string? Value = null, decimal? Number = null, string? Evidence = null);

    /// <summary>A submitted bid, written as the bids API stores one, submitted now (before the deadline).</summary>
    public static Task<int> SubmitBidAsync(this GvcMatchApp app, int requirementId, Member bidder, decimal price = 1000, IReadOnlyList<int>? lots = null,
        params Answer[] answers) =>
        app.WithDbAsync(async db =>
        {
            var now = app.Clock.GetUtcNow();
            var bid = new Bid
            {
                RequirementId = requirementId, OrganizationId = bidder.Me.OrgId, PartyKey = Bid.PartyKeyFor(bidder.Me.OrgId, null),
                Status = BidStatus.Submitted, AnsweredVersion = 1, Lots = lots?.ToList() ?? [], Price = price, Currency = "EUR", LeadTimeDays = 25,
                CreatedByUserId = bidder.Me.UserId, CreatedAt = now, UpdatedAt = now, SubmittedAt = now,
                Answers = (answers.Length > 0 ? answers : DefaultAnswers()).Select(a => new BidAnswer
                    { CriterionIndex = a.Index, Value = a.Value, Number = a.Number, Evidence = a.Evidence }).ToList(),
            };
            db.Bids.Add(bid);
            await db.SaveChangesAsync();
            return bid.Id;
        });

    public static Answer[] DefaultAnswers() =>
    [
        new(0, "Certified", Evidence: "ISO 9001 certificate Q-123"),
        new(1, "5-axis milling and anodising in house"),
        new(2, Number: 20),
        new(3, Number: 40000),
    ];

    public static async Task<JsonElement> EvaluationAsync(this Member buyer, int requirementId) =>
        await Expect.JsonAsync(await buyer.Client.GetAsync($"/api/requirements/{requirementId}/evaluation"), HttpStatusCode.OK);

    public static JsonElement BidRow(JsonElement evaluation, int bidId) =>
        evaluation.GetProperty("bids").EnumerateArray().Single(b => b.GetProperty("bidId").GetInt32() == bidId);

    public static JsonElement ScoreOf(JsonElement bidRow, int criterionIndex) =>
        bidRow.GetProperty("scores").EnumerateArray().Single(s => s.GetProperty("criterionIndex").GetInt32() == criterionIndex);

    /// <summary>The server leaves null fields out of its JSON: missing and null both mean "none".</summary>
    public static bool IsNull(JsonElement e, string property) => !e.TryGetProperty(property, out var v) || v.ValueKind == JsonValueKind.Null;

    public static Task<HttpResponseMessage> ScoreAsync(this Member buyer, int bidId, int criterionIndex, double? score, string? reason) =>
        buyer.Client.PutJsonAsync($"/api/bids/{bidId}/scores/{criterionIndex}", new { score, reason });

    /// <summary>Scores every criterion the product left open, so the bid can be awarded.</summary>
    public static async Task CompleteScoresAsync(this Member buyer, int requirementId, int bidId, double score = 1)
    {
        var row = BidRow(await buyer.EvaluationAsync(requirementId), bidId);
        foreach (var s in row.GetProperty("scores").EnumerateArray().Where(s => IsNull(s, "score")))
            await Expect.StatusAsync(await buyer.ScoreAsync(bidId, s.GetProperty("criterionIndex").GetInt32(), score, "Checked the cited document."), HttpStatusCode.OK);
    }

    public static Task<HttpResponseMessage> AwardAsync(this HttpClient client, int requirementId, int bidId, int lot = 0, string? note = "Best value.") =>
        client.PostJsonAsync($"/api/requirements/{requirementId}/award", new { bidId, lotNumber = lot, note });
}
