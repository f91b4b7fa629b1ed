using System.Net;
using System.Numerics.Tensors;
using System.Text.Json;
using GvcMatch.Matching;
using GvcMatch.Web.Features.Organizations;
using GvcMatch.Web.Tests.Infrastructure;
using GvcMatch.Web.Tests.Search;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;

namespace GvcMatch.Web.Tests.Consortia;

/// <summary>
/// Consortium proposals over the real index: the buyer sees them for its requirement, any SME for a
/// published one, an SME asking for partners sees only sets that need it, and nobody else sees a draft.
/// </summary>
public abstract class ConsortiaApiTests(GvcMatchApp app)
{
    private sealed record Scenario(Member Buyer, Member First, Member Second, Member Me, int Published, int Draft);

    /// <summary>Two capabilities no single SME offers: the first and second SMEs complete each other, and so do "me" and the second.</summary>
    private async Task<Scenario> ArrangeAsync(GvcMatchApp? on = null)
    {
        var host = on ?? app;
        var word = SearchProbe.UniqueWord();
        // Two made-up words that name no real process. Real names cannot serve: the sample profile's
        // equipment ("5-axis machining centre") reads as a kind of CNC milling, so a "powder coating"
        // supplier built on it covers both pieces alone and, rightly, no consortium is proposed.
        // And two endings of one word read as near for the sentence model.
        var (milling, coating) = await FarApartWordsAsync(host);
        var first = await PublishedSmeAsync(host, milling);
        var second = await PublishedSmeAsync(host, coating);
        var me = await PublishedSmeAsync(host, milling);
        var buyer = await host.SignUpAsync(OrganizationKind.Mne);
        var input = Samples.Requirement($"Milled and coated {word} parts") with
        {
            Criteria =
            [
                new Criterion { Kind = CriterionKind.CapabilityFit, Mandatory = true, Keywords = [milling] },
                new Criterion { Kind = CriterionKind.CapabilityFit, Mandatory = true, Keywords = [coating] },
                new Criterion { Kind = CriterionKind.CertificationHeld, Mandatory = true, Standard = "ISO 9001" },
            ],
        };
        var published = await buyer.PublishNewRequirementAsync(input);
        var draft = await buyer.CreateRequirementAsync(input with { Title = $"Draft {word}" });
        await host.WaitForIndexAsync();
        return new Scenario(buyer, first, second, me, published, draft);
    }

    /// <summary>
    /// Two made-up words the sentence model reads as far apart (below the similarity floor), so neither
    /// supplier can be taken for offering the other's work: random words are sometimes read as near.
    /// </summary>
    private static async Task<(string, string)> FarApartWordsAsync(GvcMatchApp host)
    {
        var model = host.Services.GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>();
        while (true)
        {
            string a = SearchProbe.UniqueWord(), b = SearchProbe.UniqueWord();
            var vectors = await model.GenerateAsync([a, b]);
            if (TensorPrimitives.CosineSimilarity(vectors[0].Vector.Span, vectors[1].Vector.Span) < 0.5f) return (a, b);
        }
    }

    private static async Task<Member> PublishedSmeAsync(GvcMatchApp host, string capability)
    {
        var sme = await host.SignUpAsync(OrganizationKind.Sme);
        await sme.SaveProfileAsync(Samples.Profile($"Parts made to order.") with { Capabilities = [capability] });
        await sme.PublishProfileAsync();
        return sme;
    }

    /// <summary>
    /// The proposed sets made of this scenario's SMEs only: the index is shared with other tests, and the
    /// sentence model reads two made-up words as near, so their SMEs may be proposed too.
    /// </summary>
    private static List<string> Sets(JsonElement body, Scenario s)
    {
        var ours = new[] { s.First, s.Second, s.Me }.Select(m => m.Me.OrgId).ToHashSet();
        return body.GetProperty("proposals").EnumerateArray()
            .Select(p => p.GetProperty("members").EnumerateArray().Select(m => m.GetProperty("organizationId").GetInt32()).Order().ToList())
            .Where(ids => ids.All(ours.Contains))
            .Select(ids => string.Join(',', ids)).Order(StringComparer.Ordinal).ToList();
    }

    private static string Set(params Member[] members) => string.Join(',', members.Select(m => m.Me.OrgId).Order());

    [DatabaseFact]
    public async Task The_buyer_sees_every_set_that_covers_its_requirement_with_the_evidence()
    {
        var s = await ArrangeAsync();

        // All the proposals the API gives (20): sets with SMEs of this class's earlier scenarios, whose
        // made-up words the model may read as near these, can outrank this scenario's in a shorter list.
        var body = await Expect.JsonAsync(await s.Buyer.Client.GetAsync($"/api/requirements/{s.Published}/consortia?top=20"), HttpStatusCode.OK);

        Assert.Equal(new[] { Set(s.First, s.Second), Set(s.Me, s.Second) }.Order(StringComparer.Ordinal), Sets(body, s));
        Assert.Equal(2, body.GetProperty("search").GetProperty("mandatoryKeywords").GetInt32());
        Assert.Equal(2, body.GetProperty("candidateGroups").GetArrayLength());
        var proposal = body.GetProperty("proposals")[0];
        var certificate = proposal.GetProperty("criteria")[2];
        Assert.True(certificate.GetProperty("met").GetBoolean());
        Assert.Contains("holds ISO 9001", certificate.GetProperty("evidence").GetString());
        // The buyer may look at its own draft too.
        await Expect.StatusAsync(await s.Buyer.Client.GetAsync($"/api/requirements/{s.Draft}/consortia"), HttpStatusCode.OK);
    }

    [DatabaseFact]
    public async Task An_sme_asking_for_partners_sees_only_sets_that_include_and_need_it()
    {
        var s = await ArrangeAsync();

        var mine = await Expect.JsonAsync(await s.Me.Client.GetAsync($"/api/requirements/{s.Published}/consortia?includeMe=true&top=20"), HttpStatusCode.OK);
        Assert.Equal([Set(s.Me, s.Second)], Sets(mine, s));
        Assert.Equal(s.Me.Me.OrgId, mine.GetProperty("includedOrganizationId").GetInt32());

        // Without includeMe an SME sees what the buyer sees.
        var all = await Expect.JsonAsync(await s.Me.Client.GetAsync($"/api/requirements/{s.Published}/consortia"), HttpStatusCode.OK);
        var buyers = await Expect.JsonAsync(await s.Buyer.Client.GetAsync($"/api/requirements/{s.Published}/consortia"), HttpStatusCode.OK);
        Assert.Equal(buyers.GetProperty("proposals").ToString(), all.GetProperty("proposals").ToString());
        Assert.Equal(buyers.GetProperty("noConsortiumNeededCount").GetInt32(), all.GetProperty("noConsortiumNeededCount").GetInt32());
    }

    [DatabaseFact]
    public async Task The_buyers_match_page_proposes_the_covering_set_only_when_asked()
    {
        // A database of its own: the page shows the best proposals over the whole index, and another
        // test's supplier whose made-up word reads as near both of these could cover the requirement alone.
        await using var scratch = await ScratchDatabase.LikeAsync(app);
        await using var own = new GvcMatchApp(scratch.Database);
        var s = await ArrangeAsync(own);
        var browser = own.CreateClient();
        await CookieSignIn.SignInAsync(browser, s.Buyer.Email, s.Buyer.Password);

        var plain = await (await browser.GetAsync($"/Requirements/{s.Published}/Matches")).Content.ReadAsStringAsync();
        Assert.DoesNotContain("consortium-proposal", plain);
        Assert.Contains("consortia=true", plain);

        var response = await browser.GetAsync($"/Requirements/{s.Published}/Matches?consortia=true");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains("consortium-proposal", page);
        Assert.Contains($"/Suppliers/{s.First.Me.OrgId}", page);
        Assert.Contains($"/Suppliers/{s.Second.Me.OrgId}", page);
    }

    [DatabaseFact]
    public async Task Nobody_else_sees_a_draft_and_another_buyer_never_sees_proposals()
    {
        var s = await ArrangeAsync();
        var otherBuyer = await app.SignUpAsync(OrganizationKind.Mne);

        await Expect.ProblemAsync(await otherBuyer.Client.GetAsync($"/api/requirements/{s.Draft}/consortia"), HttpStatusCode.NotFound);
        await Expect.ProblemAsync(await s.Me.Client.GetAsync($"/api/requirements/{s.Draft}/consortia"), HttpStatusCode.NotFound);
        await Expect.ProblemAsync(await s.Me.Client.GetAsync($"/api/requirements/{s.Draft}/consortia?includeMe=true"), HttpStatusCode.NotFound);
        await Expect.ProblemAsync(await otherBuyer.Client.GetAsync($"/api/requirements/{s.Published}/consortia"), HttpStatusCode.Forbidden);
        await Expect.ProblemAsync(await otherBuyer.Client.GetAsync("/api/requirements/999999999/consortia"), HttpStatusCode.NotFound);
        using var anonymous = app.CreateClient();
        await Expect.StatusAsync(await anonymous.GetAsync($"/api/requirements/{s.Published}/consortia"), HttpStatusCode.Unauthorized);
    }

    [DatabaseFact]
    public async Task Bad_parameters_are_refused_with_a_problem()
    {
        var s = await ArrangeAsync();

        await Expect.ValidationErrorAsync(await s.Buyer.Client.GetAsync($"/api/requirements/{s.Published}/consortia?top=0"), "top");
        await Expect.ValidationErrorAsync(await s.Buyer.Client.GetAsync($"/api/requirements/{s.Published}/consortia?top=21"), "top");
        await Expect.ValidationErrorAsync(await s.Buyer.Client.GetAsync($"/api/requirements/{s.Published}/consortia?includeMe=true"), "includeMe");
        var noProfile = await app.SignUpAsync(OrganizationKind.Sme);
        await Expect.ProblemAsync(await noProfile.Client.GetAsync($"/api/requirements/{s.Published}/consortia?includeMe=true"), HttpStatusCode.NotFound);
    }
}

[Collection(SharedApps.SqliteC)]
public sealed class ConsortiaApiTestsOnSqlite(SqliteApp app) : ConsortiaApiTests(app);

[Collection(SharedApps.PostgresC)]
public sealed class ConsortiaApiTestsOnPostgres(PostgresApp app) : ConsortiaApiTests(app), IUsesPostgres;
