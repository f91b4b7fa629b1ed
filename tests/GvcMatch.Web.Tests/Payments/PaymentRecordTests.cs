using System.Net;
using GvcMatch.Web.Features.Audit;
using GvcMatch.Web.Features.Offers;
using GvcMatch.Web.Features.Organizations;
using GvcMatch.Web.Tests.Awards;
using GvcMatch.Web.Tests.Infrastructure;
using GvcMatch.Web.Tests.Offers;
using Microsoft.EntityFrameworkCore;

namespace GvcMatch.Web.Tests.Payments;

/// <summary>
/// Payment days agreed on accepted offers and awards, the paid party's confirmation, and the buyer's
/// public record computed from them (with the share awarded to SMEs, time to decision and complaints upheld).
/// </summary>
public abstract class PaymentRecordTests(GvcMatchApp app)
{
    /// <summary>An SME whose offer with the given payment days the buyer accepted, the agreement dated <paramref name="daysAgo"/> days back.</summary>
    private async Task<(Member Sme, long OfferId)> AgreedAsync(Member buyer, int paymentDays, int daysAgo)
    {
        var sme = await app.SignUpAsync(OrganizationKind.Sme);
        var conversation = await app.StartConversationAsync(sme, buyer);
        var offer = await sme.ProposeAsync(conversation, OfferKit.Terms(app) with { PaymentTermsDays = paymentDays });
        await Expect.StatusAsync(await buyer.DecideAsync(offer.Id, "accept"), HttpStatusCode.OK);
        await app.WithDbAsync(async db =>
        {
            var row = await db.Set<Offer>().SingleAsync(o => o.Id == offer.Id);
            row.DecidedAt = app.Clock.GetUtcNow().AddDays(-daysAgo);
            await db.SaveChangesAsync();
        });
        return (sme, offer.Id);
    }

    private DateOnly DaysAgo(int days) => app.ClockToday().AddDays(-days);

    private static Task<HttpResponseMessage> PaidAsync(Member member, string url, DateOnly? paidOn) =>
        member.Client.PutJsonAsync(url, new { paidOn = paidOn?.ToString("yyyy-MM-dd") });

    [DatabaseFact]
    public async Task TheBuyersRecordAveragesAgreedAndActualDaysCountingOverdueUnpaidOnesAsLate()
    {
        // An award to an SME with 60 days agreed at the award; the winner complains and the buyer upholds it.
        var buyer = await app.SignUpAsync(OrganizationKind.Mne);
        var requirement = await buyer.PublishClosingTodayAsync(app, "Turned brass fittings");
        var winner = await app.BidderAsync();
        var bid = await app.SubmitBidAsync(requirement, winner, price: 1000);
        app.PassDeadline();
        buyer = await app.FreshAsync(buyer);
        winner = await app.FreshAsync(winner);
        await buyer.EvaluationAsync(requirement);
        await Expect.ProblemAsync(await buyer.Client.PostJsonAsync($"/api/requirements/{requirement}/award",
            new { bidId = bid, lotNumber = 0, paymentTermsDays = 366 }), HttpStatusCode.BadRequest);
        await Expect.StatusAsync(await buyer.Client.PostJsonAsync($"/api/requirements/{requirement}/award",
            new { bidId = bid, lotNumber = 0, note = "Best value.", paymentTermsDays = 60 }), HttpStatusCode.OK);
        var complaint = await Expect.JsonAsync(await winner.Client.PostJsonAsync($"/api/bids/{bid}/complaints",
            new { subject = "Lead time scored wrong", text = "We quoted 20 days, not 30." }), HttpStatusCode.Created);
        var complaintId = complaint.GetProperty("id").GetInt32();
        var verdictWithoutClosing = await Expect.ProblemAsync(await buyer.Client.PostJsonAsync($"/api/complaints/{complaintId}/posts",
            new { text = "Looking into it.", upheld = true }), HttpStatusCode.BadRequest);
        Assert.True(verdictWithoutClosing.GetProperty("errors").TryGetProperty("upheld", out _));
        await Expect.StatusAsync(await buyer.Client.PostJsonAsync($"/api/complaints/{complaintId}/posts",
            new { text = "You are right; corrected.", close = true, upheld = true }), HttpStatusCode.OK);
        await app.WithDbAsync(async db =>
        {
            var award = await db.Awards.SingleAsync(a => a.RequirementId == requirement);
            Assert.Equal(60, award.PaymentTermsDays);
            award.AwardedAt = app.Clock.GetUtcNow().AddDays(-100);
            await db.SaveChangesAsync();
        });

        // Offers: 30 days paid after 45; 30 days unpaid after 100 (overdue: 100 so far); 120 days unpaid (not due: left out).
        var (paidLate, paidLateOffer) = await AgreedAsync(buyer, 30, 100);
        await AgreedAsync(buyer, 30, 100);
        await AgreedAsync(buyer, 120, 100);
        await Expect.StatusAsync(await PaidAsync(paidLate, $"/api/offers/{paidLateOffer}/payment", DaysAgo(55)), HttpStatusCode.OK);
        var awardPayment = await Expect.JsonAsync(await PaidAsync(winner, $"/api/requirements/{requirement}/awards/0/payment", DaysAgo(50)), HttpStatusCode.OK);
        Assert.Equal(50, awardPayment.GetProperty("actualDays").GetInt32());
        Assert.False(awardPayment.GetProperty("late").GetBoolean());

        using var visitor = app.CreateClient();
        var record = await Expect.JsonAsync(await visitor.GetAsync($"/api/organizations/{buyer.Me.OrgId}/record"), HttpStatusCode.OK);
        var payments = record.GetProperty("payments");
        Assert.Equal(3, payments.GetProperty("payments").GetInt32());
        Assert.Equal(2, payments.GetProperty("paid").GetInt32());
        Assert.Equal(1, payments.GetProperty("overdueUnpaid").GetInt32());
        Assert.Equal(2, payments.GetProperty("late").GetInt32());
        Assert.Equal(40, payments.GetProperty("averageAgreedDays").GetDouble()); // (30 + 30 + 60) / 3
        Assert.Equal(65, payments.GetProperty("averageActualDays").GetDouble()); // (45 + 100 + 50) / 3
        var decisions = record.GetProperty("decisions");
        Assert.Equal(1, decisions.GetProperty("awards").GetInt32());
        Assert.Equal(1.0, decisions.GetProperty("smeShareByCount").GetDouble());
        var days = await app.WithDbAsync(db => db.OutcomeRecords.Where(o => o.BuyerOrganizationId == buyer.Me.OrgId).Select(o => o.DaysToDecision).SingleAsync());
        Assert.Equal(Math.Round(days, 2), decisions.GetProperty("medianDaysToDecision").GetDouble());
        Assert.Equal(1, record.GetProperty("complaints").GetProperty("lodged").GetInt32());
        Assert.Equal(1, record.GetProperty("complaints").GetProperty("upheld").GetInt32());
        Assert.Equal(0, record.GetProperty("notices").GetProperty("noticesPublished").GetInt32());
        AssertNamesNobody(record.GetRawText(), winner, paidLate);

        var page = await visitor.GetStringAsync($"/Buyers/{buyer.Me.OrgId}");
        var html = Html.Parse(page);
        Assert.Equal("40.0 days", html.QuerySelector("[data-field='agreed-days']")!.TextContent.Trim());
        Assert.Equal("65.0 days", html.QuerySelector("[data-field='actual-days']")!.TextContent.Trim());
        AssertNamesNobody(page, winner, paidLate);
        visitor.DefaultRequestHeaders.Add("Accept-Language", "es");
        await Localization.UntranslatedPageTests.AssertTranslatedAsync(visitor, $"/Buyers/{buyer.Me.OrgId}", "es");
        await Expect.ProblemAsync(await visitor.GetAsync($"/api/organizations/{winner.Me.OrgId}/record"), HttpStatusCode.NotFound);
    }

    private static void AssertNamesNobody(string body, params Member[] members)
    {
        foreach (var m in members)
        {
            Assert.DoesNotContain(m.Me.OrganizationName!, body);
            Assert.DoesNotContain(m.Email, body);
        }
        Assert.DoesNotContain("@", body);
    }

    [DatabaseFact]
    public async Task OnlyThePaidPartyConfirmsOnceAndOnlyItCorrectsWithAnAuditEntry()
    {
        var buyer = await app.SignUpAsync(OrganizationKind.Mne);
        var (sme, offerId) = await AgreedAsync(buyer, 30, 40);
        var stranger = await app.SignUpAsync(OrganizationKind.Sme);
        var url = $"/api/offers/{offerId}/payment";

        await Expect.ProblemAsync(await PaidAsync(buyer, url, DaysAgo(5)), HttpStatusCode.Forbidden);
        await Expect.ProblemAsync(await PaidAsync(stranger, url, DaysAgo(5)), HttpStatusCode.NotFound);
        await Expect.ProblemAsync(await stranger.Client.GetAsync(url), HttpStatusCode.NotFound);
        foreach (var bad in new DateOnly?[] { null, app.ClockToday().AddDays(1), DaysAgo(41) })
        {
            var problem = await Expect.ProblemAsync(await PaidAsync(sme, url, bad), HttpStatusCode.BadRequest);
            Assert.True(problem.GetProperty("errors").TryGetProperty("paidOn", out _), problem.GetRawText());
        }

        var first = await Expect.JsonAsync(await PaidAsync(sme, url, DaysAgo(5)), HttpStatusCode.OK);
        Assert.Equal(35, first.GetProperty("actualDays").GetInt32());
        Assert.True(first.GetProperty("late").GetBoolean());
        // A colleague of the same SME corrects it: the same party, so allowed, and audited as a correction.
        var colleague = await app.AddColleagueAsync(sme);
        var corrected = await Expect.JsonAsync(await PaidAsync(colleague, url, DaysAgo(12)), HttpStatusCode.OK);
        Assert.Equal(28, corrected.GetProperty("actualDays").GetInt32());
        Assert.False(corrected.GetProperty("late").GetBoolean());
        var seen = await Expect.JsonAsync(await buyer.Client.GetAsync(url), HttpStatusCode.OK);
        Assert.Equal(DaysAgo(12).ToString("yyyy-MM-dd"), seen.GetProperty("paidOn").GetString());

        var entries = await app.WithDbAsync(db => db.Set<AuditEntry>().AsNoTracking()
            .Where(e => e.TargetType == AuditTargets.Offer && e.TargetId == offerId.ToString()).OrderBy(e => e.Id).ToListAsync());
        Assert.Equal([AuditActions.PaymentConfirmed, AuditActions.PaymentCorrected], entries.Select(e => e.Action));
        Assert.Equal(buyer.Me.OrgId, entries[1].OrganizationId);
        Assert.Contains($"was {DaysAgo(5):yyyy-MM-dd}", entries[1].Reason);

        // An offer still open has no payment to confirm.
        var conversation = await app.StartConversationAsync(stranger, buyer);
        var open = await stranger.ProposeAsync(conversation, OfferKit.Terms(app));
        await Expect.ProblemAsync(await PaidAsync(stranger, $"/api/offers/{open.Id}/payment", DaysAgo(1)), HttpStatusCode.Conflict);
    }

    [DatabaseFact]
    public async Task OnlyTheWinnerConfirmsAnAwardsPaymentAndTheBuyerCannot()
    {
        var buyer = await app.SignUpAsync(OrganizationKind.Mne);
        var requirement = await buyer.PublishClosingTodayAsync(app, "Die-cast brackets");
        var winner = await app.BidderAsync();
        var loser = await app.BidderAsync();
        var bid = await app.SubmitBidAsync(requirement, winner, price: 900);
        await app.SubmitBidAsync(requirement, loser, price: 1200);
        app.PassDeadline();
        buyer = await app.FreshAsync(buyer);
        winner = await app.FreshAsync(winner);
        loser = await app.FreshAsync(loser);
        await buyer.EvaluationAsync(requirement);
        await Expect.StatusAsync(await buyer.Client.AwardAsync(requirement, bid), HttpStatusCode.OK);
        var url = $"/api/requirements/{requirement}/awards/0/payment";

        await Expect.ProblemAsync(await PaidAsync(buyer, url, app.ClockToday()), HttpStatusCode.Forbidden);
        await Expect.ProblemAsync(await PaidAsync(loser, url, app.ClockToday()), HttpStatusCode.NotFound);
        var paid = await Expect.JsonAsync(await PaidAsync(winner, url, app.ClockToday()), HttpStatusCode.OK);
        // Neither the award nor the bid said how many days: the payment is kept, and the record leaves it out.
        Assert.True(AwardKit.IsNull(paid, "agreedDays"));
        var read = await Expect.JsonAsync(await buyer.Client.GetAsync(url), HttpStatusCode.OK);
        Assert.Equal(0, read.GetProperty("actualDays").GetInt32());
    }
}

public sealed class PaymentRecordTestsOnSqlite(SqliteApp app) : PaymentRecordTests(app), IClassFixture<SqliteApp>;

public sealed class PaymentRecordTestsOnPostgres(PostgresApp app) : PaymentRecordTests(app), IClassFixture<PostgresApp>, IUsesPostgres;
