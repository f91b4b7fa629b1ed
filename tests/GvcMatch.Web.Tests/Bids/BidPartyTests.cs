using System.Net;
using System.Net.Http.Headers;
using GvcMatch.Web.Features.Consortia;
using GvcMatch.Web.Features.Organizations;
using GvcMatch.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GvcMatch.Web.Tests.Bids;

/// <summary>Who acts for a bid's party (a consortium's lead, never a non-member) and who may fetch its documents.</summary>
public abstract class BidPartyTests(GvcMatchApp app)
{
    [DatabaseFact]
    public async Task A_non_member_cannot_act_for_a_consortium_and_a_member_only_reads_its_bid()
    {
        var (buyer, requirement) = await app.BuyerWithRequirementAsync();
        var lead = await app.SignUpAsync(OrganizationKind.Sme);
        var partner = await app.SignUpAsync(OrganizationKind.Sme);
        var invited = await app.SignUpAsync(OrganizationKind.Sme);
        var outsider = await app.SignUpAsync(OrganizationKind.Sme);
        var consortium = await app.ConsortiumAsync(requirement, lead, ConsortiumStatus.Active,
            (partner, ConsortiumMemberStatus.Accepted), (invited, ConsortiumMemberStatus.Invited));
        var asConsortium = BidKit.CompleteBid(consortium);
        var url = $"/api/requirements/{requirement}/bids";

        await Expect.ProblemAsync(await outsider.Client.PostJsonAsync(url, asConsortium), HttpStatusCode.NotFound);
        await Expect.ProblemAsync(await invited.Client.PostJsonAsync(url, asConsortium), HttpStatusCode.NotFound);
        var notLead = await Expect.ProblemAsync(await partner.Client.PostJsonAsync(url, asConsortium), HttpStatusCode.Forbidden);
        Assert.Contains("lead", notLead.GetProperty("detail").GetString());

        var bid = await lead.CreateBidAsync(requirement, asConsortium);
        var id = bid.GetProperty("id").GetInt32();
        Assert.Equal(consortium, bid.GetProperty("consortiumId").GetInt32());
        Assert.Equal(lead.Me.OrgId, bid.GetProperty("organizationId").GetInt32());
        // The consortium is its own party: the lead may still bid alone as well.
        await lead.CreateBidAsync(requirement);

        await Expect.StatusAsync(await partner.Client.GetAsync($"/api/bids/{id}"), HttpStatusCode.OK);
        Assert.Contains((await Expect.JsonAsync(await partner.Client.GetAsync("/api/bids/mine"), HttpStatusCode.OK)).EnumerateArray(),
            b => b.GetProperty("id").GetInt32() == id);
        await Expect.ProblemAsync(await partner.Client.PutJsonAsync($"/api/bids/{id}", asConsortium), HttpStatusCode.Forbidden);
        await Expect.ProblemAsync(await partner.Client.PostAsync($"/api/bids/{id}/submit"), HttpStatusCode.Forbidden);
        foreach (var stranger in new[] { outsider, invited, buyer })
        {
            await Expect.OneOfAsync(await stranger.Client.PutJsonAsync($"/api/bids/{id}", asConsortium), HttpStatusCode.NotFound, HttpStatusCode.Forbidden);
            await Expect.OneOfAsync(await stranger.Client.PostAsync($"/api/bids/{id}/withdraw"), HttpStatusCode.NotFound, HttpStatusCode.Forbidden);
        }
        await Expect.ProblemAsync(await outsider.Client.GetAsync($"/api/bids/{id}"), HttpStatusCode.NotFound);
        await Expect.StatusAsync(await lead.Client.PostAsync($"/api/bids/{id}/submit"), HttpStatusCode.OK);
    }

    [DatabaseFact]
    public async Task A_consortium_that_is_still_forming_cannot_bid()
    {
        var (_, requirement) = await app.BuyerWithRequirementAsync();
        var lead = await app.SignUpAsync(OrganizationKind.Sme);
        var invited = await app.SignUpAsync(OrganizationKind.Sme);
        var consortium = await app.ConsortiumAsync(requirement, lead, ConsortiumStatus.Forming, (invited, ConsortiumMemberStatus.Invited));

        var problem = await Expect.ProblemAsync(await lead.Client.PostJsonAsync($"/api/requirements/{requirement}/bids", BidKit.CompleteBid(consortium)),
            HttpStatusCode.Conflict);
        Assert.Contains("not active", problem.GetProperty("detail").GetString());
    }

    [DatabaseFact]
    public async Task Documents_are_checked_and_as_sealed_as_the_bid()
    {
        var (buyer, requirement) = await app.BuyerWithRequirementAsync();
        var sme = await app.SignUpAsync(OrganizationKind.Sme);
        var rival = await app.SignUpAsync(OrganizationKind.Sme);
        var id = await sme.SubmittedBidAsync(requirement);
        var pdf = "%PDF-1.4\n% a tiny test document\n"u8.ToArray();

        var uploaded = await Expect.JsonAsync(await Upload(sme, id, pdf, "offer.pdf"), HttpStatusCode.Created);
        var url = uploaded.GetProperty("url").GetString()!;
        Assert.Equal(64, uploaded.GetProperty("sha256").GetString()!.Length);
        await Expect.ValidationErrorAsync(await Upload(sme, id, "MZ not a pdf"u8.ToArray(), "offer.pdf"), "file");
        await Expect.ValidationErrorAsync(await Upload(sme, id, pdf, "offer.exe"), "file");
        await Expect.OneOfAsync(await Upload(rival, id, pdf, "offer.pdf"), HttpStatusCode.NotFound);

        var own = await sme.Client.GetAsync(url);
        await Expect.StatusAsync(own, HttpStatusCode.OK);
        Assert.Equal(pdf, await own.Content.ReadAsByteArrayAsync());
        // Sealed: to the buyer as to a rival, the document does not exist before the deadline.
        await Expect.ProblemAsync(await buyer.Client.GetAsync(url), HttpStatusCode.NotFound);
        await Expect.ProblemAsync(await rival.Client.GetAsync(url), HttpStatusCode.NotFound);
        Assert.Equal(1, await app.WithDbAsync(db => db.BidDocuments.CountAsync(d => d.BidId == id)));

        try
        {
            var members = await app.PassDeadlineAsync(buyer, sme, rival);
            (buyer, sme, rival) = (members[0], members[1], members[2]);
            Assert.Equal(pdf, await (await buyer.Client.GetAsync(url)).Content.ReadAsByteArrayAsync());
            await Expect.ProblemAsync(await rival.Client.GetAsync(url), HttpStatusCode.NotFound);
            await Expect.ProblemAsync(await Upload(sme, id, pdf, "late.pdf"), HttpStatusCode.Conflict);
            await Expect.ProblemAsync(await sme.Client.DeleteAsync(url), HttpStatusCode.Conflict);
        }
        finally
        {
            app.Clock.Reset();
        }
    }

    private static Task<HttpResponseMessage> Upload(Member member, int bidId, byte[] bytes, string name)
    {
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        return member.Client.PostAsync($"/api/bids/{bidId}/documents", new MultipartFormDataContent { { file, "file", name } });
    }
}

public sealed class BidPartyTestsOnSqlite(SqliteApp app) : BidPartyTests(app), IClassFixture<SqliteApp>;

public sealed class BidPartyTestsOnPostgres(PostgresApp app) : BidPartyTests(app), IClassFixture<PostgresApp>, IUsesPostgres;
