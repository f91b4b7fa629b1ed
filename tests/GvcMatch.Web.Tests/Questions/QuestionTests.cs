using System.Net;
using System.Text.Json;
using GvcMatch.Web.Features.Organizations;
using GvcMatch.Web.Features.Questions;
using GvcMatch.Web.Tests.Bids;
using GvcMatch.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GvcMatch.Web.Tests.Questions;

/// <summary>The public Q&amp;A of a requirement: every SME reads it, only the buyer and the asker learn who asked.</summary>
public abstract class QuestionTests(GvcMatchApp app)
{
    private static string Url(int requirement) => $"/api/requirements/{requirement}/questions";

    private async Task<JsonElement> AskAsync(Member sme, int requirement, string text) =>
        await Expect.JsonAsync(await sme.Client.PostJsonAsync(Url(requirement), new { text }), HttpStatusCode.Created);

    [DatabaseFact]
    public async Task An_sme_asks_the_buyer_answers_and_every_sme_reads_it_with_the_asker_hidden_from_other_bidders()
    {
        var (buyer, requirement) = await app.BuyerWithRequirementAsync();
        var asker = await app.SignUpAsync(OrganizationKind.Sme);
        var other = await app.SignUpAsync(OrganizationKind.Sme);
        var askerName = (await Expect.JsonAsync(await asker.Client.GetAsync($"/api/organizations/{asker.Me.OrgId}"), HttpStatusCode.OK)).GetProperty("name").GetString()!;

        var asked = await AskAsync(asker, requirement, "Is a bead-blasted finish acceptable?");
        var qid = asked.GetProperty("id").GetInt32();
        Assert.Equal(askerName, asked.GetProperty("askedBy").GetString());
        var answered = await Expect.JsonAsync(await buyer.Client.PostJsonAsync($"{Url(requirement)}/{qid}/answer", new { answer = "Yes, Ra 1.6 or finer." }), HttpStatusCode.OK);
        Assert.Equal(askerName, answered.GetProperty("askedBy").GetString());

        var seenByOther = Assert.Single((await Expect.JsonAsync(await other.Client.GetAsync(Url(requirement)), HttpStatusCode.OK)).EnumerateArray());
        Assert.Equal("Yes, Ra 1.6 or finer.", seenByOther.GetProperty("answer").GetString());
        Assert.Equal(QuestionBoard.Anonymous, seenByOther.GetProperty("askedBy").GetString());
        Assert.False(seenByOther.TryGetProperty("askedByOrganizationId", out var org) && org.ValueKind != JsonValueKind.Null);
        Assert.False(seenByOther.GetProperty("askedByYou").GetBoolean());
        Assert.DoesNotContain(askerName, await (await other.Client.GetAsync(Url(requirement))).Content.ReadAsStringAsync());

        var seenByAsker = Assert.Single((await Expect.JsonAsync(await asker.Client.GetAsync(Url(requirement)), HttpStatusCode.OK)).EnumerateArray());
        Assert.True(seenByAsker.GetProperty("askedByYou").GetBoolean());
        var seenByBuyer = Assert.Single((await Expect.JsonAsync(await buyer.Client.GetAsync(Url(requirement)), HttpStatusCode.OK)).EnumerateArray());
        Assert.Equal(asker.Me.OrgId, seenByBuyer.GetProperty("askedByOrganizationId").GetInt32());
    }

    [DatabaseFact]
    public async Task The_buyer_is_told_of_questions_and_the_bidders_of_answers()
    {
        var (buyer, requirement) = await app.BuyerWithRequirementAsync();
        var colleague = await Offers.OfferKit.AddColleagueAsync(app, buyer);
        var bidder = await app.SignUpAsync(OrganizationKind.Sme);
        var withdrawn = await app.SignUpAsync(OrganizationKind.Sme);
        var bystander = await app.SignUpAsync(OrganizationKind.Sme);
        await bidder.CreateBidAsync(requirement);
        var gone = (await withdrawn.CreateBidAsync(requirement)).GetProperty("id").GetInt32();
        await Expect.StatusAsync(await withdrawn.Client.PostAsync($"/api/bids/{gone}/withdraw"), HttpStatusCode.OK);

        var qid = (await AskAsync(bystander, requirement, "Which alloy?")).GetProperty("id").GetInt32();
        await Expect.StatusAsync(await colleague.Client.PostJsonAsync($"{Url(requirement)}/{qid}/answer", new { answer = "EN AW-6082." }), HttpStatusCode.OK);

        var everyone = new[] { buyer, colleague, bidder, withdrawn, bystander }.Select(m => m.Me.UserId).ToList();
        var notes = await app.WithDbAsync(db => db.Notifications.AsNoTracking().Where(n => everyone.Contains(n.UserId)).ToListAsync());
        Assert.Equal(new[] { buyer.Me.UserId, colleague.Me.UserId }.Order(),
            notes.Where(n => n.Kind == QuestionNotificationKinds.Question).Select(n => n.UserId).Order());
        var answer = Assert.Single(notes, n => n.Kind == QuestionNotificationKinds.Answer);
        Assert.Equal(bidder.Me.UserId, answer.UserId);
        Assert.Equal($"/Requirements/{requirement}#question-{qid}", answer.Link);
    }

    [DatabaseFact]
    public async Task Only_smes_ask_only_the_buyer_answers_and_bad_input_is_refused()
    {
        var (buyer, requirement) = await app.BuyerWithRequirementAsync();
        var sme = await app.SignUpAsync(OrganizationKind.Sme);
        var otherBuyer = await app.SignUpAsync(OrganizationKind.Mne);
        var qid = (await AskAsync(sme, requirement, "Packaging?")).GetProperty("id").GetInt32();

        await Expect.ProblemAsync(await buyer.Client.PostJsonAsync(Url(requirement), new { text = "Self question" }), HttpStatusCode.Forbidden);
        await Expect.ValidationErrorAsync(await sme.Client.PostJsonAsync(Url(requirement), new { text = " " }), "text");
        await Expect.ValidationErrorAsync(await sme.Client.PostJsonAsync(Url(requirement), new { text = new string('x', QuestionLimits.Text + 1) }), "text");
        await Expect.ProblemAsync(await sme.Client.PostJsonAsync($"{Url(requirement)}/{qid}/answer", new { answer = "Self answer" }), HttpStatusCode.Forbidden);
        await Expect.ProblemAsync(await otherBuyer.Client.PostJsonAsync($"{Url(requirement)}/{qid}/answer", new { answer = "Not mine" }), HttpStatusCode.Forbidden);
        await Expect.ProblemAsync(await otherBuyer.Client.GetAsync(Url(requirement)), HttpStatusCode.Forbidden);
        await Expect.ValidationErrorAsync(await buyer.Client.PostJsonAsync($"{Url(requirement)}/{qid}/answer", new { answer = "" }), "answer");
        await Expect.ProblemAsync(await buyer.Client.PostJsonAsync($"{Url(requirement)}/999999/answer", new { answer = "x" }), HttpStatusCode.NotFound);
        var draft = await buyer.CreateRequirementAsync();
        await Expect.ProblemAsync(await sme.Client.PostJsonAsync(Url(draft), new { text = "Hidden?" }), HttpStatusCode.NotFound);
        Assert.Null(await app.WithDbAsync(db => db.RequirementQuestions.Where(q => q.Id == qid).Select(q => q.Answer).SingleAsync()));
    }
}

[Collection(SharedApps.SqliteC)]
public sealed class QuestionTestsOnSqlite(SqliteApp app) : QuestionTests(app);

[Collection(SharedApps.PostgresC)]
public sealed class QuestionTestsOnPostgres(PostgresApp app) : QuestionTests(app), IUsesPostgres;
