using System.Net;
using GvcMatch.Web.Features.Bids;
using GvcMatch.Web.Features.Organizations;
using GvcMatch.Web.Features.Requirements;
using GvcMatch.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GvcMatch.Web.Tests.Bids;

/// <summary>Bad bids and bad lots get a 400 ProblemDetails naming the field; nothing already stored changes.</summary>
public abstract class BidValidationTests(GvcMatchApp app)
{
    [DatabaseFact]
    public async Task Answers_for_unknown_criteria_are_refused()
    {
        var (_, requirement) = await app.BuyerWithRequirementAsync();
        var sme = await app.SignUpAsync(OrganizationKind.Sme);
        var bid = BidKit.CompleteBid() with { Answers = [.. BidKit.CompleteBid().Answers, new BidAnswerInput { Criterion = 3, Value = "extra" }] };

        await Expect.ValidationErrorAsync(await sme.Client.PostJsonAsync($"/api/requirements/{requirement}/bids", bid), "answers[3].criterion");
        var negative = BidKit.CompleteBid() with { Answers = [new BidAnswerInput { Criterion = -1, Value = "x" }] };
        await Expect.ValidationErrorAsync(await sme.Client.PostJsonAsync($"/api/requirements/{requirement}/bids", negative), "answers[0].criterion");
        Assert.False(await app.WithDbAsync(db => db.Bids.AnyAsync(b => b.RequirementId == requirement)));
    }

    [DatabaseFact]
    public async Task Submitting_without_the_mandatory_answers_is_refused_naming_them()
    {
        var (_, requirement) = await app.BuyerWithRequirementAsync();
        var sme = await app.SignUpAsync(OrganizationKind.Sme);
        var id = (await sme.CreateBidAsync(requirement, BidKit.CompleteBid() with { Answers = [BidKit.CompleteBid().Answers[1]] })).GetProperty("id").GetInt32();

        var response = await sme.Client.PostAsync($"/api/bids/{id}/submit");
        await Expect.ValidationErrorAsync(response, "answers");
        var problem = await response.ReadJsonAsync();
        var messages = string.Join(" ", problem.GetProperty("errors").GetProperty("answers").EnumerateArray().Select(m => m.GetString()));
        Assert.Contains("mandatory criteria C1", messages);
        Assert.Contains("C3", messages);
        Assert.Equal(BidStatus.Draft, await app.WithDbAsync(db => db.Bids.Where(b => b.Id == id).Select(b => b.Status).SingleAsync()));
    }

    [DatabaseTheory]
    [InlineData("""{"lots":[1],"answers":[{"criterion":1,"value":"x","weight":100}]}""", "answers[0].weight")]
    [InlineData("""{"lots":[1],"weights":{"0":100},"answers":[]}""", "weights")]
    public async Task Weights_tampered_into_a_bid_are_refused(string json, string field)
    {
        var (_, requirement) = await app.BuyerWithRequirementAsync();
        var sme = await app.SignUpAsync(OrganizationKind.Sme);
        var created = (await sme.CreateBidAsync(requirement)).GetProperty("id").GetInt32();

        foreach (var response in new[]
                 {
                     await sme.Client.PostAsync($"/api/requirements/{requirement}/bids", JsonBody(json)),
                     await sme.Client.PutAsync($"/api/bids/{created}", JsonBody(json)),
                 })
        {
            await Expect.ValidationErrorAsync(response, field);
            Assert.Contains("carries no weights", await response.Content.ReadAsStringAsync());
        }
        Assert.Equal(3, await app.WithDbAsync(db => db.BidAnswers.CountAsync(a => a.BidId == created)));
    }

    [DatabaseFact]
    public async Task Unknown_lots_bad_prices_currencies_and_incoterms_are_refused()
    {
        var (_, requirement) = await app.BuyerWithRequirementAsync();
        var sme = await app.SignUpAsync(OrganizationKind.Sme);
        var url = $"/api/requirements/{requirement}/bids";

        await Expect.ValidationErrorAsync(await sme.Client.PostJsonAsync(url, BidKit.CompleteBid() with { Lots = [1, 7] }), "lots");
        await Expect.ValidationErrorAsync(await sme.Client.PostJsonAsync(url, BidKit.CompleteBid() with { Price = -1 }), "price");
        await Expect.ValidationErrorAsync(await sme.Client.PostJsonAsync(url, BidKit.CompleteBid() with { Currency = "EUX" }), "currency");
        await Expect.ValidationErrorAsync(await sme.Client.PostJsonAsync(url, BidKit.CompleteBid() with { Incoterms = "FOO" }), "incoterms");
        await Expect.ValidationErrorAsync(await sme.Client.PostJsonAsync(url, BidKit.CompleteBid() with
        {
            Subcontractors = [new SubcontractorInput { Name = "", Work = "Plating", Country = "XX" }],
        }), "subcontractors[0].name");
        await Expect.ValidationErrorAsync(await sme.Client.PostAsync(url, JsonBody("""{"price":"cheap"}""")), "price");

        // A bid on a requirement with lots must name one to be submitted.
        var id = (await sme.CreateBidAsync(requirement, BidKit.CompleteBid() with { Lots = [] })).GetProperty("id").GetInt32();
        await Expect.ValidationErrorAsync(await sme.Client.PostAsync($"/api/bids/{id}/submit"), "lots");
    }

    [DatabaseFact]
    public async Task A_requirement_without_a_deadline_takes_no_bids_and_buyers_do_not_bid()
    {
        var (buyer, requirement) = await app.BuyerWithRequirementAsync(Samples.Requirement() with { ResponseDeadline = null });
        var sme = await app.SignUpAsync(OrganizationKind.Sme);
        var noLots = BidKit.CompleteBid() with { Lots = [] };

        var response = await sme.Client.PostJsonAsync($"/api/requirements/{requirement}/bids", noLots);
        await Expect.ValidationErrorAsync(response, "requirement");
        Assert.Contains("no response deadline", await response.Content.ReadAsStringAsync());
        await Expect.ProblemAsync(await buyer.Client.PostJsonAsync($"/api/requirements/{requirement}/bids", noLots), HttpStatusCode.Forbidden);
        var draft = await buyer.CreateRequirementAsync();
        await Expect.ProblemAsync(await sme.Client.PostJsonAsync($"/api/requirements/{draft}/bids", noLots), HttpStatusCode.NotFound);
    }

    [DatabaseFact]
    public async Task Lots_are_validated_and_frozen_once_a_bid_is_submitted()
    {
        var buyer = await app.SignUpAsync(OrganizationKind.Mne);
        var url = "/api/requirements";
        RequirementLot Lot(int n, string title = "Lot") => new() { Number = n, Title = title };

        await Expect.ValidationErrorAsync(await buyer.Client.PostJsonAsync(url, Samples.Requirement() with { Lots = [Lot(1), Lot(1)] }), "lots[1].number");
        await Expect.ValidationErrorAsync(await buyer.Client.PostJsonAsync(url, Samples.Requirement() with { Lots = [Lot(1), Lot(3)] }), "lots[1].number");
        await Expect.ValidationErrorAsync(await buyer.Client.PostJsonAsync(url, Samples.Requirement() with { Lots = [Lot(1, " ")] }), "lots[0].title");
        await Expect.ValidationErrorAsync(await buyer.Client.PostJsonAsync(url, Samples.Requirement() with
        {
            Lots = Enumerable.Range(1, 21).Select(n => Lot(n)).ToList(),
        }), "lots");

        var requirement = await buyer.PublishNewRequirementAsync(BidKit.RequirementWithLots());
        var shown = await Expect.JsonAsync(await buyer.Client.GetAsync($"{url}/{requirement}"), HttpStatusCode.OK);
        Assert.Equal("Covers", shown.GetProperty("lots")[1].GetProperty("title").GetString());
        var threeLots = BidKit.RequirementWithLots() with { Lots = [.. BidKit.RequirementWithLots().Lots, Lot(3, "Brackets")], ChangeNote = "A third lot." };
        // Before any submission the buyer may still change the lots.
        await Expect.StatusAsync(await buyer.Client.PutCurrentAsync($"{url}/{requirement}", threeLots), HttpStatusCode.OK);

        var sme = await app.SignUpAsync(OrganizationKind.Sme);
        await sme.SubmittedBidAsync(requirement);
        var frozen = await Expect.ProblemAsync(await buyer.Client.PutCurrentAsync($"{url}/{requirement}", BidKit.RequirementWithLots() with { ChangeNote = "Back to two." }),
            HttpStatusCode.Conflict);
        Assert.Contains("lots are frozen", frozen.GetProperty("detail").GetString());
        // Other edits still go through when the lots stay as they are.
        await Expect.StatusAsync(await buyer.Client.PutCurrentAsync($"{url}/{requirement}", threeLots with { Description = "Changed.", ChangeNote = "Text." }), HttpStatusCode.OK);
        var lots = await app.WithDbAsync(db => db.Requirements.Where(r => r.Id == requirement).Select(r => r.Lots).SingleAsync());
        Assert.Equal(3, lots.Count);
    }

    private static StringContent JsonBody(string json) => new(json, System.Text.Encoding.UTF8, "application/json");
}

[Collection(SharedApps.SqliteA)]
public sealed class BidValidationTestsOnSqlite(SqliteApp app) : BidValidationTests(app);

[Collection(SharedApps.PostgresA)]
public sealed class BidValidationTestsOnPostgres(PostgresApp app) : BidValidationTests(app), IUsesPostgres;
