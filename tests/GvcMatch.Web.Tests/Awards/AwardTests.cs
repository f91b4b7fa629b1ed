using System.Net;
using GvcMatch.Web.Features.Awards;
using GvcMatch.Web.Features.Organizations;
using GvcMatch.Web.Features.Requirements;
using GvcMatch.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace GvcMatch.Web.Tests.Awards;

/// <summary>Awards: one per requirement and lot even under concurrency, only to a scored, qualified bid; cancellation with a reason.</summary>
public abstract class AwardTests(GvcMatchApp app, ITestOutputHelper output)
{
    private sealed record Scene(Member Buyer, Member First, Member Second, int Requirement, int FirstBid, int SecondBid);

    private async Task<Scene> TwoBidsAfterTheDeadlineAsync(string title = "Anodised housings")
    {
        var buyer = await app.SignUpAsync(OrganizationKind.Mne);
        var id = await buyer.PublishClosingTodayAsync(app, title);
        var first = await app.BidderAsync();
        var second = await app.BidderAsync();
        var firstBid = await app.SubmitBidAsync(id, first, price: 900);
        var secondBid = await app.SubmitBidAsync(id, second, price: 1100);
        app.PassDeadline();
        return new Scene(await app.FreshAsync(buyer), await app.FreshAsync(first), await app.FreshAsync(second), id, firstBid, secondBid);
    }

    [DatabaseFact]
    public async Task Two_simultaneous_awards_of_the_same_requirement_have_exactly_one_winner()
    {
        var atTheDatabase = 0;
        for (var round = 0; round < 5; round++)
        {
            var s = await TwoBidsAfterTheDeadlineAsync($"Race {round}");
            await s.Buyer.EvaluationAsync(s.Requirement); // computes the scores; every criterion is computable here
            // Four clients with tokens of their own, two for each bid, released together.
            var clients = new List<HttpClient>();
            for (var i = 0; i < 4; i++) clients.Add(await app.NewClientAsync(s.Buyer));
            using var start = new SemaphoreSlim(0);
            var awards = clients.Select((c, i) => Task.Run(async () =>
            {
                await start.WaitAsync();
                return await c.AwardAsync(s.Requirement, i % 2 == 0 ? s.FirstBid : s.SecondBid);
            })).ToList();
            start.Release(clients.Count);
            var responses = await Task.WhenAll(awards);

            Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.OK));
            foreach (var lost in responses.Where(r => r.StatusCode != HttpStatusCode.OK))
            {
                var detail = (await Expect.ProblemAsync(lost, HttpStatusCode.Conflict)).GetProperty("detail").GetString()!;
                Assert.Contains("already been awarded", detail);
                if (detail.Contains("same moment", StringComparison.Ordinal)) atTheDatabase++;
            }

            var winner = (await responses.Single(r => r.StatusCode == HttpStatusCode.OK).ReadJsonAsync()).GetProperty("bidId").GetInt32();
            var stored = await app.WithDbAsync(db => db.Awards.AsNoTracking().Where(x => x.RequirementId == s.Requirement).ToListAsync());
            Assert.Equal(winner, Assert.Single(stored).BidId);
            var outcome = Assert.Single(await app.WithDbAsync(db => db.OutcomeRecords.AsNoTracking().Where(o => o.RequirementId == s.Requirement).ToListAsync()));
            Assert.Equal(winner == s.FirstBid ? s.First.Me.OrgId : s.Second.Me.OrgId, outcome.WinnerOrganizationId);
            Assert.Equal(RequirementStatus.Awarded, await app.WithDbAsync(db => db.Requirements.Where(r => r.Id == s.Requirement).Select(r => r.Status).SingleAsync()));
            foreach (var c in clients) c.Dispose();
        }
        output.WriteLine($"{atTheDatabase} of 15 losing awards were stopped by the database (unique index or concurrency stamp), the rest by the check before it.");
    }

    [DatabaseFact]
    public async Task An_award_records_the_outcome_and_tells_every_bidder()
    {
        var s = await TwoBidsAfterTheDeadlineAsync();
        await s.Buyer.EvaluationAsync(s.Requirement);
        var award = await Expect.JsonAsync(await s.Buyer.Client.AwardAsync(s.Requirement, s.FirstBid), HttpStatusCode.OK);
        Assert.Equal(0, award.GetProperty("lotNumber").GetInt32());
        Assert.Equal(100, award.GetProperty("total").GetDouble());

        var outcome = await app.WithDbAsync(db => db.OutcomeRecords.AsNoTracking().SingleAsync(o => o.RequirementId == s.Requirement));
        Assert.False(outcome.Cancelled);
        Assert.True(outcome.WinnerIsSme);
        Assert.Equal(1, outcome.SmeMemberCount);
        Assert.Equal(900, outcome.Value);
        Assert.Equal("EUR", outcome.Currency);
        Assert.Equal(2, outcome.BidCount);
        Assert.Equal(s.Buyer.Me.OrgId, outcome.BuyerOrganizationId);
        Assert.InRange(outcome.DaysToDecision, 0.5, 2.5);
        var told = await app.WithDbAsync(db => db.Notifications.AsNoTracking().Where(n => n.Kind == AwardNotificationKinds.Award && n.Link == $"/Requirements/{s.Requirement}")
            .Select(n => n.UserId).ToListAsync());
        Assert.Equal(new[] { s.First.Me.UserId, s.Second.Me.UserId }.Order(), told.Order());

        // The award is public on the requirement: winner, total, date.
        var published = await Expect.JsonAsync(await s.Second.Client.GetAsync($"/api/requirements/{s.Requirement}/awards"), HttpStatusCode.OK);
        Assert.Equal(s.FirstBid, Assert.Single(published.EnumerateArray()).GetProperty("bidId").GetInt32());
        // Decided: the other bid can no longer win, and scores are final.
        await Expect.ProblemAsync(await s.Buyer.Client.AwardAsync(s.Requirement, s.SecondBid), HttpStatusCode.Conflict);
        await Expect.ProblemAsync(await s.Buyer.ScoreAsync(s.SecondBid, 1, 0.2, "Late change"), HttpStatusCode.Conflict);
    }

    [DatabaseFact]
    public async Task A_disqualified_bid_cannot_win_and_an_unscored_one_must_be_scored_first()
    {
        var buyer = await app.SignUpAsync(OrganizationKind.Mne);
        var id = await buyer.PublishClosingTodayAsync(app);
        var failing = await app.BidderAsync(iso9001: false);
        var citing = await app.BidderAsync(iso9001: false);
        var failingBid = await app.SubmitBidAsync(id, failing, answers: [new(1, "milling"), new(2, Number: 20), new(3, Number: 40000)]);
        var citingBid = await app.SubmitBidAsync(id, citing);
        var other = await buyer.PublishClosingTodayAsync(app, "Another");
        app.PassDeadline();
        buyer = await app.FreshAsync(buyer);

        await buyer.EvaluationAsync(id);
        var disqualified = await Expect.ProblemAsync(await buyer.Client.AwardAsync(id, failingBid), HttpStatusCode.Conflict);
        Assert.Contains("disqualified", disqualified.GetProperty("detail").GetString());
        var unscored = await Expect.ProblemAsync(await buyer.Client.AwardAsync(id, citingBid), HttpStatusCode.Conflict);
        Assert.Contains("C1", unscored.GetProperty("detail").GetString());

        // The buyer checks the cited certificate and finds it invalid: now that bid is disqualified too.
        await Expect.StatusAsync(await buyer.ScoreAsync(citingBid, 0, 0, "The cited certificate expired last year."), HttpStatusCode.OK);
        await Expect.ProblemAsync(await buyer.Client.AwardAsync(id, citingBid), HttpStatusCode.Conflict);
        Assert.Equal(0, await app.WithDbAsync(db => db.Awards.CountAsync(a => a.RequirementId == id)));

        // Bad input: a bid of another requirement, a lot on a requirement without lots.
        await Expect.ValidationErrorAsync(await buyer.Client.AwardAsync(other, citingBid), "bidId");
        await Expect.ValidationErrorAsync(await buyer.Client.AwardAsync(id, citingBid, lot: 2), "lotNumber");
        var stranger = await app.SignUpAsync(OrganizationKind.Mne);
        await Expect.ProblemAsync(await stranger.Client.AwardAsync(id, citingBid), HttpStatusCode.Forbidden);
    }

    [DatabaseFact]
    public async Task Each_lot_is_awarded_once_and_the_requirement_is_awarded_when_every_lot_is()
    {
        var buyer = await app.SignUpAsync(OrganizationKind.Mne);
        var id = await buyer.PublishClosingTodayAsync(app, "Two lots");
        await app.WithDbAsync(db => db.Requirements.Where(r => r.Id == id).ExecuteUpdateAsync(u => u.SetProperty(r => r.Lots,
            new List<RequirementLot> { new() { Number = 1, Title = "Housings" }, new() { Number = 2, Title = "Covers" } })));
        var first = await app.BidderAsync();
        var second = await app.BidderAsync();
        var firstBid = await app.SubmitBidAsync(id, first, lots: [1]);
        var bothBid = await app.SubmitBidAsync(id, second, lots: [1, 2]);
        app.PassDeadline();
        buyer = await app.FreshAsync(buyer);
        await buyer.EvaluationAsync(id);

        await Expect.ValidationErrorAsync(await buyer.Client.AwardAsync(id, firstBid, lot: 0), "lotNumber");
        await Expect.ValidationErrorAsync(await buyer.Client.AwardAsync(id, firstBid, lot: 2), "bidId");
        await Expect.StatusAsync(await buyer.Client.AwardAsync(id, firstBid, lot: 1), HttpStatusCode.OK);
        Assert.Equal(RequirementStatus.Published, await app.WithDbAsync(db => db.Requirements.Where(r => r.Id == id).Select(r => r.Status).SingleAsync()));
        await Expect.ProblemAsync(await buyer.Client.AwardAsync(id, bothBid, lot: 1), HttpStatusCode.Conflict);
        await Expect.StatusAsync(await buyer.Client.AwardAsync(id, bothBid, lot: 2), HttpStatusCode.OK);
        Assert.Equal(RequirementStatus.Awarded, await app.WithDbAsync(db => db.Requirements.Where(r => r.Id == id).Select(r => r.Status).SingleAsync()));
        var outcomes = await app.WithDbAsync(db => db.OutcomeRecords.AsNoTracking().Where(o => o.RequirementId == id).OrderBy(o => o.LotNumber).ToListAsync());
        Assert.Equal([1, 2], outcomes.Select(o => o.LotNumber));
        Assert.Equal([2, 1], outcomes.Select(o => o.BidCount));
    }

    [DatabaseFact]
    public async Task Cancelling_needs_a_reason_records_the_outcome_and_tells_the_bidders()
    {
        var s = await TwoBidsAfterTheDeadlineAsync();
        await Expect.ValidationErrorAsync(await s.Buyer.Client.PostJsonAsync($"/api/requirements/{s.Requirement}/cancel", new { reason = " " }), "reason");
        await Expect.ProblemAsync(await s.First.Client.PostJsonAsync($"/api/requirements/{s.Requirement}/cancel", new { reason = "Not mine" }), HttpStatusCode.Forbidden);

        var cancelled = await Expect.JsonAsync(await s.Buyer.Client.PostJsonAsync($"/api/requirements/{s.Requirement}/cancel", new { reason = "Budget withdrawn." }), HttpStatusCode.OK);
        Assert.Equal("Cancelled", cancelled.GetProperty("status").GetString());
        var outcome = await app.WithDbAsync(db => db.OutcomeRecords.AsNoTracking().SingleAsync(o => o.RequirementId == s.Requirement));
        Assert.True(outcome.Cancelled);
        Assert.Null(outcome.WinnerOrganizationId);
        Assert.Equal(2, outcome.BidCount);
        var told = await app.WithDbAsync(db => db.Notifications.AsNoTracking().Where(n => n.Kind == AwardNotificationKinds.Cancelled && n.Link == $"/Requirements/{s.Requirement}")
            .Select(n => n.UserId).ToListAsync());
        Assert.Equal(new[] { s.First.Me.UserId, s.Second.Me.UserId }.Order(), told.Order());
        await Expect.ProblemAsync(await s.Buyer.Client.AwardAsync(s.Requirement, s.FirstBid), HttpStatusCode.Conflict);
        await Expect.ProblemAsync(await s.Buyer.Client.PostJsonAsync($"/api/requirements/{s.Requirement}/cancel", new { reason = "Again" }), HttpStatusCode.Conflict);
    }
}

public sealed class AwardTestsOnSqlite(SqliteApp app, ITestOutputHelper output) : AwardTests(app, output), IClassFixture<SqliteApp>;

public sealed class AwardTestsOnPostgres(PostgresApp app, ITestOutputHelper output) : AwardTests(app, output), IClassFixture<PostgresApp>, IUsesPostgres;
