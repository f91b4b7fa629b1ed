using System.Net;
using GvcMatch.Web.Features.Bids;
using GvcMatch.Web.Features.Organizations;
using GvcMatch.Web.Features.Questions;
using GvcMatch.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GvcMatch.Web.Tests.Bids;

/// <summary>
/// Bids are sealed until the deadline and frozen after it. The clock is shared by the class's
/// tests, so a test that moves it puts it back when it ends.
/// </summary>
public abstract class SealedBidTests(GvcMatchApp app)
{
    [DatabaseFact]
    public async Task A_bidder_drafts_edits_and_submits_its_bid_and_finds_it_among_its_bids()
    {
        var (_, requirement) = await app.BuyerWithRequirementAsync();
        var sme = await app.SignUpAsync(OrganizationKind.Sme);

        var draft = await sme.CreateBidAsync(requirement, BidKit.CompleteBid() with { Price = null });
        var id = draft.GetProperty("id").GetInt32();
        Assert.Equal("Draft", draft.GetProperty("status").GetString());
        Assert.Equal(1, draft.GetProperty("answeredVersion").GetInt32());
        Assert.Equal("C1", draft.GetProperty("answers")[0].GetProperty("label").GetString());
        Assert.Contains("ISO 9001", draft.GetProperty("answers")[0].GetProperty("summary").GetString());

        // Incomplete: the price is missing.
        await Expect.ValidationErrorAsync(await sme.Client.PostAsync($"/api/bids/{id}/submit"), "price");
        await Expect.StatusAsync(await sme.Client.PutJsonAsync($"/api/bids/{id}", BidKit.CompleteBid() with { Price = 3.9m, Lots = [1, 2] }), HttpStatusCode.OK);
        var submitted = await Expect.JsonAsync(await sme.Client.PostAsync($"/api/bids/{id}/submit"), HttpStatusCode.OK);
        Assert.Equal("Submitted", submitted.GetProperty("status").GetString());
        Assert.Equal(3.9m, submitted.GetProperty("price").GetDecimal());
        Assert.Equal([1, 2], submitted.GetProperty("lots").EnumerateArray().Select(l => l.GetInt32()));
        Assert.Equal("Eloxal Nord GmbH", submitted.GetProperty("subcontractors")[0].GetProperty("name").GetString());

        var mine = await Expect.JsonAsync(await sme.Client.GetAsync("/api/bids/mine"), HttpStatusCode.OK);
        Assert.Equal(id, Assert.Single(mine.EnumerateArray()).GetProperty("id").GetInt32());
        // One bid per party: a second one is refused, pointing at the first.
        var twice = await Expect.ProblemAsync(await sme.Client.PostJsonAsync($"/api/requirements/{requirement}/bids", BidKit.CompleteBid()), HttpStatusCode.Conflict);
        Assert.Contains($"bid {id}", twice.GetProperty("detail").GetString());
    }

    [DatabaseFact]
    public async Task Before_the_deadline_the_buyer_cannot_tell_the_bids_on_its_requirement_from_ids_that_do_not_exist()
    {
        var (buyer, requirement) = await app.BuyerWithRequirementAsync();
        var sme = await app.SignUpAsync(OrganizationKind.Sme);
        var submitted = await sme.SubmittedBidAsync(requirement);
        var draft = (await (await app.SignUpAsync(OrganizationKind.Sme)).CreateBidAsync(requirement)).GetProperty("id").GetInt32();

        foreach (var id in new[] { submitted, draft, int.MaxValue })
        {
            await Expect.ProblemAsync(await buyer.Client.GetAsync($"/api/bids/{id}"), HttpStatusCode.NotFound);
            await Expect.ProblemAsync(await buyer.Client.GetAsync($"/api/bids/{id}/documents/1"), HttpStatusCode.NotFound);
            await Expect.ProblemAsync(await buyer.Client.PutJsonAsync($"/api/bids/{id}/scores/0", new { score = 0.5, reason = "Meets it." }), HttpStatusCode.NotFound);
            await Expect.ProblemAsync(await buyer.Client.GetAsync($"/api/bids/{id}/debrief"), HttpStatusCode.NotFound);
            await Expect.ProblemAsync(await buyer.Client.GetAsync($"/api/bids/{id}/complaints"), HttpStatusCode.NotFound);
        }
    }

    [DatabaseFact]
    public async Task The_buyer_cannot_read_a_bid_before_the_deadline_and_another_bidder_never()
    {
        var (buyer, requirement) = await app.BuyerWithRequirementAsync();
        var sme = await app.SignUpAsync(OrganizationKind.Sme);
        var rival = await app.SignUpAsync(OrganizationKind.Sme);
        var bid = await sme.SubmittedBidAsync(requirement);
        var rivalDraft = (await rival.CreateBidAsync(requirement)).GetProperty("id").GetInt32();
        var closes = await app.WithDbAsync(db => db.Requirements.Where(r => r.Id == requirement).Select(r => r.ResponseDeadline).SingleAsync());
        var sealedUntil = $"sealed until {closes!.Value.AddDays(1):yyyy-MM-dd} 00:00 UTC";

        var list = await Expect.ProblemAsync(await buyer.Client.GetAsync($"/api/requirements/{requirement}/bids"), HttpStatusCode.Conflict);
        Assert.Contains(sealedUntil, list.GetProperty("detail").GetString());
        await Expect.ProblemAsync(await buyer.Client.GetAsync($"/api/bids/{bid}"), HttpStatusCode.NotFound);
        await Expect.ProblemAsync(await rival.Client.GetAsync($"/api/bids/{bid}"), HttpStatusCode.NotFound);
        await Expect.ProblemAsync(await rival.Client.GetAsync($"/api/requirements/{requirement}/bids"), HttpStatusCode.Forbidden);
        Assert.DoesNotContain((await Expect.JsonAsync(await rival.Client.GetAsync("/api/bids/mine"), HttpStatusCode.OK)).EnumerateArray(),
            b => b.GetProperty("id").GetInt32() == bid);

        try
        {
            var members = await app.PassDeadlineAsync(buyer, sme, rival);
            (buyer, sme, rival) = (members[0], members[1], members[2]);

            var opened = await Expect.JsonAsync(await buyer.Client.GetAsync($"/api/requirements/{requirement}/bids"), HttpStatusCode.OK);
            // The rival's draft is never shown to the buyer, even after the deadline.
            Assert.Equal(bid, Assert.Single(opened.EnumerateArray()).GetProperty("id").GetInt32());
            var read = await Expect.JsonAsync(await buyer.Client.GetAsync($"/api/bids/{bid}"), HttpStatusCode.OK);
            Assert.Equal(4.2m, read.GetProperty("price").GetDecimal());
            await Expect.ProblemAsync(await buyer.Client.GetAsync($"/api/bids/{rivalDraft}"), HttpStatusCode.NotFound);
            await Expect.ProblemAsync(await rival.Client.GetAsync($"/api/bids/{bid}"), HttpStatusCode.NotFound);
            await Expect.StatusAsync(await sme.Client.GetAsync($"/api/bids/{bid}"), HttpStatusCode.OK);
        }
        finally
        {
            app.Clock.Reset();
        }
    }

    [DatabaseFact]
    public async Task Edits_submissions_withdrawals_and_new_bids_after_the_deadline_are_refused()
    {
        var (_, requirement) = await app.BuyerWithRequirementAsync();
        var sme = await app.SignUpAsync(OrganizationKind.Sme);
        var late = await app.SignUpAsync(OrganizationKind.Sme);
        var draft = (await sme.CreateBidAsync(requirement)).GetProperty("id").GetInt32();
        try
        {
            var members = await app.PassDeadlineAsync(sme, late);
            (sme, late) = (members[0], members[1]);

            foreach (var response in new[]
                     {
                         await sme.Client.PutJsonAsync($"/api/bids/{draft}", BidKit.CompleteBid() with { Price = 1m }),
                         await sme.Client.PostAsync($"/api/bids/{draft}/submit"),
                         await sme.Client.PostAsync($"/api/bids/{draft}/withdraw"),
                         await late.Client.PostJsonAsync($"/api/requirements/{requirement}/bids", BidKit.CompleteBid()),
                     })
                Assert.Contains("Bids closed at", (await Expect.ProblemAsync(response, HttpStatusCode.Conflict)).GetProperty("detail").GetString());

            var stored = await app.WithDbAsync(db => db.Bids.AsNoTracking().SingleAsync(b => b.Id == draft));
            Assert.Equal(BidStatus.Draft, stored.Status);
            Assert.Equal(4.2m, stored.Price);
        }
        finally
        {
            app.Clock.Reset();
        }
    }

    [DatabaseFact]
    public async Task A_withdrawn_bid_is_not_opened_and_can_be_reopened_before_the_deadline()
    {
        var (_, requirement) = await app.BuyerWithRequirementAsync();
        var sme = await app.SignUpAsync(OrganizationKind.Sme);
        var bid = await sme.SubmittedBidAsync(requirement);

        var withdrawn = await Expect.JsonAsync(await sme.Client.PostAsync($"/api/bids/{bid}/withdraw"), HttpStatusCode.OK);
        Assert.Equal("Withdrawn", withdrawn.GetProperty("status").GetString());
        await Expect.ProblemAsync(await sme.Client.PostAsync($"/api/bids/{bid}/submit"), HttpStatusCode.Conflict);

        var reopened = await Expect.JsonAsync(await sme.Client.PutJsonAsync($"/api/bids/{bid}", BidKit.CompleteBid()), HttpStatusCode.OK);
        Assert.Equal("Draft", reopened.GetProperty("status").GetString());
    }

    [DatabaseFact]
    public async Task A_new_requirement_version_is_flagged_on_the_bid_and_notified_to_bidders()
    {
        var (buyer, requirement) = await app.BuyerWithRequirementAsync();
        var sme = await app.SignUpAsync(OrganizationKind.Sme);
        var bystander = await app.SignUpAsync(OrganizationKind.Sme);
        var bid = await sme.SubmittedBidAsync(requirement);

        var changed = BidKit.RequirementWithLots() with { Description = "Now with a bead-blasted finish.", ChangeNote = "Finish changed." };
        await Expect.StatusAsync(await buyer.Client.PutCurrentAsync($"/api/requirements/{requirement}", changed), HttpStatusCode.OK);

        var read = await Expect.JsonAsync(await sme.Client.GetAsync($"/api/bids/{bid}"), HttpStatusCode.OK);
        Assert.Equal(1, read.GetProperty("answeredVersion").GetInt32());
        Assert.Equal(2, read.GetProperty("requirementVersion").GetInt32());
        Assert.True(read.GetProperty("newerVersion").GetBoolean());
        var notes = await app.WithDbAsync(db => db.Notifications.AsNoTracking()
            .Where(n => n.Kind == QuestionNotificationKinds.RequirementVersion && (n.UserId == sme.Me.UserId || n.UserId == bystander.Me.UserId)).ToListAsync());
        var note = Assert.Single(notes);
        Assert.Equal(sme.Me.UserId, note.UserId);
        Assert.Equal("Finish changed.", note.Body);

        // Saving the bid again answers the new version.
        var saved = await Expect.JsonAsync(await sme.Client.PutCurrentAsync($"/api/bids/{bid}", BidKit.CompleteBid()), HttpStatusCode.OK);
        Assert.False(saved.GetProperty("newerVersion").GetBoolean());
        Assert.Equal(2, saved.GetProperty("answeredVersion").GetInt32());
    }
}

public sealed class SealedBidTestsOnSqlite(SqliteApp app) : SealedBidTests(app), IClassFixture<SqliteApp>;

public sealed class SealedBidTestsOnPostgres(PostgresApp app) : SealedBidTests(app), IClassFixture<PostgresApp>, IUsesPostgres;
