using System.Net;
using GvcMatch.Web.Features.Awards;
using GvcMatch.Web.Features.Organizations;
using GvcMatch.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GvcMatch.Web.Tests.Awards;

/// <summary>Debriefs show each bidder only its own scores; complaints run within the period and keep their thread.</summary>
public abstract class DebriefTests(GvcMatchApp app)
{
    private sealed record Scene(Member Buyer, Member Winner, Member Loser, int Requirement, int WinnerBid, int LoserBid);

    /// <summary>Two bids, each with a reason only its own bidder may read, and the first awarded.</summary>
    private async Task<Scene> AwardedAsync()
    {
        var buyer = await app.SignUpAsync(OrganizationKind.Mne);
        var id = await buyer.PublishClosingTodayAsync(app);
        var winner = await app.BidderAsync();
        var loser = await app.BidderAsync();
        var winnerBid = await app.SubmitBidAsync(id, winner);
        var loserBid = await app.SubmitBidAsync(id, loser, answers: [new(0, Evidence: "Q-9"), new(1, "milling"), new(2, Number: 40), new(3, Number: 40000)]);
        app.PassDeadline();
        buyer = await app.FreshAsync(buyer);
        await buyer.EvaluationAsync(id);
        await Expect.StatusAsync(await buyer.ScoreAsync(winnerBid, 1, 0.9, "WINNER-ONLY: strong anodising line."), HttpStatusCode.OK);
        await Expect.StatusAsync(await buyer.ScoreAsync(loserBid, 1, 0.4, "LOSER-ONLY: anodising is bought in."), HttpStatusCode.OK);
        await Expect.StatusAsync(await buyer.Client.AwardAsync(id, winnerBid), HttpStatusCode.OK);
        return new Scene(buyer, await app.FreshAsync(winner), await app.FreshAsync(loser), id, winnerBid, loserBid);
    }

    private static Task<HttpResponseMessage> Debrief(Member m, int bid) => m.Client.GetAsync($"/api/bids/{bid}/debrief");

    [DatabaseFact]
    public async Task The_debrief_shows_each_bidder_only_its_own_scores_with_the_winning_total_and_its_rank()
    {
        var s = await AwardedAsync();

        var winnerResponse = await Debrief(s.Winner, s.WinnerBid);
        var winnerText = await winnerResponse.Content.ReadAsStringAsync();
        var won = await Expect.JsonAsync(winnerResponse, HttpStatusCode.OK);
        Assert.Contains("WINNER-ONLY", winnerText);
        Assert.DoesNotContain("LOSER-ONLY", winnerText);
        Assert.True(won.GetProperty("won").GetBoolean());
        Assert.Equal(1, won.GetProperty("rank").GetInt32());
        Assert.Equal(2, won.GetProperty("bidCount").GetInt32());
        Assert.Equal(4, won.GetProperty("scores").GetArrayLength());
        Assert.Equal(96, won.GetProperty("total").GetDouble());

        var loserResponse = await Debrief(s.Loser, s.LoserBid);
        var loserText = await loserResponse.Content.ReadAsStringAsync();
        var lost = await Expect.JsonAsync(loserResponse, HttpStatusCode.OK);
        Assert.Contains("LOSER-ONLY", loserText);
        Assert.DoesNotContain("WINNER-ONLY", loserText);
        Assert.False(lost.GetProperty("won").GetBoolean());
        Assert.Equal(2, lost.GetProperty("rank").GetInt32());
        Assert.Equal(96, lost.GetProperty("winningTotal").GetDouble());
        // 40 × 0.4 + 30 × (1 − 10/30) (40 days against 30) + 30 × 1 = 66
        Assert.Equal(66, lost.GetProperty("total").GetDouble());
        Assert.True(lost.GetProperty("canComplain").GetBoolean());

        // Nobody reads another party's debrief: not the other bidder, not the buyer, not a stranger.
        await Expect.ProblemAsync(await Debrief(s.Winner, s.LoserBid), HttpStatusCode.NotFound);
        await Expect.ProblemAsync(await Debrief(s.Loser, s.WinnerBid), HttpStatusCode.NotFound);
        await Expect.ProblemAsync(await Debrief(s.Buyer, s.LoserBid), HttpStatusCode.NotFound);
        var stranger = await app.SignUpAsync(OrganizationKind.Sme);
        await Expect.ProblemAsync(await Debrief(stranger, s.LoserBid), HttpStatusCode.NotFound);
    }

    [DatabaseFact]
    public async Task There_is_no_debrief_before_the_award()
    {
        var buyer = await app.SignUpAsync(OrganizationKind.Mne);
        var id = await buyer.PublishClosingTodayAsync(app);
        var bidder = await app.BidderAsync();
        var bid = await app.SubmitBidAsync(id, bidder);
        var early = await Expect.ProblemAsync(await Debrief(bidder, bid), HttpStatusCode.Conflict);
        Assert.Contains("once the buyer has awarded", early.GetProperty("detail").GetString());
        await Expect.ProblemAsync(await bidder.Client.PostJsonAsync($"/api/bids/{bid}/complaints", new { subject = "Too early", text = "Nothing decided yet." }), HttpStatusCode.Conflict);
    }

    [DatabaseFact]
    public async Task A_complaint_is_lodged_within_the_period_answered_by_the_buyer_and_its_thread_kept()
    {
        var s = await AwardedAsync();
        var url = $"/api/bids/{s.LoserBid}/complaints";
        await Expect.ValidationErrorAsync(await s.Loser.Client.PostJsonAsync(url, new { subject = "Lead time", text = "" }), "text");
        await Expect.ValidationErrorAsync(await s.Loser.Client.PostJsonAsync(url, new { subject = "", text = "Why?" }), "subject");
        await Expect.ProblemAsync(await s.Winner.Client.PostJsonAsync(url, new { subject = "Not mine", text = "Not my bid." }), HttpStatusCode.NotFound);

        var lodged = await Expect.JsonAsync(await s.Loser.Client.PostJsonAsync(url, new { subject = "Lead time", text = "Our lead time was scored too low." }), HttpStatusCode.Created);
        var complaint = lodged.GetProperty("id").GetInt32();
        Assert.Single(lodged.GetProperty("entries").EnumerateArray());
        Assert.Contains(s.Buyer.Me.UserId, await NotifiedAsync(AwardNotificationKinds.Complaint));

        var posts = $"/api/complaints/{complaint}/posts";
        await Expect.StatusAsync(await s.Buyer.Client.PostJsonAsync(posts, new { text = "Forty days is ten more than the thirty we published." }), HttpStatusCode.OK);
        Assert.Contains(s.Loser.Me.UserId, await NotifiedAsync(AwardNotificationKinds.Complaint));
        await Expect.ValidationErrorAsync(await s.Loser.Client.PostJsonAsync(posts, new { text = "Closing it myself.", close = true }), "close");
        await Expect.StatusAsync(await s.Loser.Client.PostJsonAsync(posts, new { text = "Understood; our offer said 40 working days." }), HttpStatusCode.OK);
        await Expect.ProblemAsync(await s.Winner.Client.PostJsonAsync(posts, new { text = "Let me in." }), HttpStatusCode.NotFound);
        await Expect.ProblemAsync(await s.Winner.Client.GetAsync(url), HttpStatusCode.NotFound);

        // After the period a bidder can neither lodge nor post; the buyer still answers and closes the thread.
        app.Clock.Advance(TimeSpan.FromDays(11));
        var buyer = await app.FreshAsync(s.Buyer);
        var loser = await app.FreshAsync(s.Loser);
        var late = await Expect.ProblemAsync(await loser.Client.PostJsonAsync(url, new { subject = "Late", text = "Another point." }), HttpStatusCode.Conflict);
        Assert.Contains("complaint period ended", late.GetProperty("detail").GetString());
        await Expect.ProblemAsync(await loser.Client.PostJsonAsync(posts, new { text = "One more thing." }), HttpStatusCode.Conflict);
        var closed = await Expect.JsonAsync(await buyer.Client.PostJsonAsync(posts, new { text = "The score stands.", close = true }), HttpStatusCode.OK);
        Assert.True(closed.GetProperty("closed").GetBoolean());
        await Expect.ProblemAsync(await buyer.Client.PostJsonAsync(posts, new { text = "After closing." }), HttpStatusCode.Conflict);

        var thread = await Expect.JsonAsync(await loser.Client.GetAsync(url), HttpStatusCode.OK);
        var entries = Assert.Single(thread.EnumerateArray()).GetProperty("entries").EnumerateArray().ToList();
        Assert.Equal([false, true, false, true], entries.Select(e => e.GetProperty("fromBuyer").GetBoolean()));
        Assert.Equal("Our lead time was scored too low.", entries[0].GetProperty("text").GetString());
        var forBuyer = await Expect.JsonAsync(await buyer.Client.GetAsync($"/api/requirements/{s.Requirement}/complaints"), HttpStatusCode.OK);
        Assert.Equal(4, forBuyer[0].GetProperty("entries").GetArrayLength());
    }

    private Task<List<string>> NotifiedAsync(string kind) =>
        app.WithDbAsync(db => db.Notifications.AsNoTracking().Where(n => n.Kind == kind).Select(n => n.UserId).ToListAsync());
}

public sealed class DebriefTestsOnSqlite(SqliteApp app) : DebriefTests(app), IClassFixture<SqliteApp>;

public sealed class DebriefTestsOnPostgres(PostgresApp app) : DebriefTests(app), IClassFixture<PostgresApp>, IUsesPostgres;
