using System.Net;
using System.Text.Json;
using GvcMatch.Matching;
using GvcMatch.Web.Features.Organizations;
using GvcMatch.Web.Features.Profiles;
using GvcMatch.Web.Tests.Infrastructure;
using GvcMatch.Web.Tests.Search;

namespace GvcMatch.Web.Tests.Consortia;

/// <summary>
/// Criterion scopes through the API and the real index: a certificate for one role binds only the
/// partner doing it, capacities in tonnes a year and kilograms a month add up, and a role no
/// criterion names is refused with the field named.
/// </summary>
public abstract class ComposerRolesApiTests(GvcMatchApp app)
{
    private async Task<Member> PublishedSmeAsync(string capability, decimal capacity, string unit, CapacityPeriod period, params string[] certificates)
    {
        var sme = await app.SignUpAsync(OrganizationKind.Sme);
        await sme.SaveProfileAsync(Samples.Profile("Parts made to order.") with
        {
            Capabilities = [capability],
            Certifications = certificates.Select(c => new CertificationInput(c, "TUV", "C-1", Samples.InDays(400))).ToList(),
            MonthlyCapacity = capacity, CapacityUnit = unit, CapacityPeriod = period,
        });
        await sme.PublishProfileAsync();
        return sme;
    }

    [DatabaseFact]
    public async Task A_certificate_for_one_role_binds_only_its_partner_and_capacities_add_up_across_units_and_periods()
    {
        string software = SearchProbe.UniqueWord(), machining = SearchProbe.UniqueWord();
        // The coder holds ISO/IEC 27001; the machine shops do not, and state tonnes a year and kilograms a month.
        var coder = await PublishedSmeAsync(software, 0, "t", CapacityPeriod.Month, "ISO 9001", "ISO/IEC 27001");
        var shop = await PublishedSmeAsync(machining, 12, "tonnes", CapacityPeriod.Year, "ISO 9001");
        var otherShop = await PublishedSmeAsync(machining, 1_500, "kg", CapacityPeriod.Month, "ISO 9001");
        // Offers the software without the certificate: never the software partner.
        var uncertifiedCoder = await PublishedSmeAsync(software, 5, "t", CapacityPeriod.Month, "ISO 9001");
        var buyer = await app.SignUpAsync(OrganizationKind.Mne);
        var id = await buyer.PublishNewRequirementAsync(Samples.Requirement($"Machined housings with firmware {software}") with
        {
            Criteria =
            [
                new Criterion { Kind = CriterionKind.CapabilityFit, Mandatory = true, Keywords = [software], Role = "software partner" },
                new Criterion { Kind = CriterionKind.CapabilityFit, Mandatory = true, Keywords = [machining], Role = "machining partner" },
                new Criterion { Kind = CriterionKind.CertificationHeld, Mandatory = true, Standard = "ISO/IEC 27001", Role = "software partner" },
                new Criterion { Kind = CriterionKind.CapacityAtLeast, Mandatory = true, Minimum = 2, Unit = "t", Role = "machining partner" },
            ],
        });
        await app.WaitForIndexAsync();

        var body = await Expect.JsonAsync(await buyer.Client.GetAsync($"/api/requirements/{id}/consortia"), HttpStatusCode.OK);

        var expected = new[] { coder.Me.OrgId, shop.Me.OrgId, otherShop.Me.OrgId }.Order().ToList();
        var proposals = body.GetProperty("proposals").EnumerateArray().ToList();
        var proposal = proposals.FirstOrDefault(p => Members(p).Order().SequenceEqual(expected));
        Assert.True(proposal.ValueKind == JsonValueKind.Object, $"expected the set {string.Join(',', expected)} among: {body}");
        // Whatever else is proposed, the uncertified coder never does the software partner's work.
        Assert.All(proposals.SelectMany(p => p.GetProperty("members").EnumerateArray()).Where(m => m.GetProperty("organizationId").GetInt32() == uncertifiedCoder.Me.OrgId),
            m => Assert.DoesNotContain("software partner", m.GetProperty("roles").EnumerateArray().Select(r => r.GetString())));
        var member = proposal.GetProperty("members").EnumerateArray().Single(m => m.GetProperty("organizationId").GetInt32() == coder.Me.OrgId);
        Assert.Equal(["software partner"], member.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        var certificate = proposal.GetProperty("criteria")[2];
        Assert.Equal("Role", certificate.GetProperty("appliesTo").GetString());
        Assert.Equal("software partner", certificate.GetProperty("role").GetString());
        Assert.Contains("not required of", certificate.GetProperty("evidence").GetString());
        var capacity = proposal.GetProperty("criteria")[3].GetProperty("evidence").GetString();
        Assert.Contains("12 tonnes a year = 1", capacity);
        Assert.Contains("= 2.5 t a month (at least 2 sought)", capacity);
    }

    [DatabaseFact]
    public async Task A_role_no_criterion_names_is_refused_naming_the_field()
    {
        var buyer = await app.SignUpAsync(OrganizationKind.Mne);
        var input = Samples.Requirement("Housings") with
        {
            Criteria =
            [
                new Criterion { Kind = CriterionKind.CapabilityFit, Mandatory = true, Keywords = ["cnc milling"], Role = "machining partner" },
                new Criterion { Kind = CriterionKind.CertificationHeld, Mandatory = true, Standard = "ISO/IEC 27001", Role = "software partner" },
            ],
        };

        var problem = await Expect.ProblemAsync(await buyer.Client.PostJsonAsync("/api/requirements", input), HttpStatusCode.BadRequest);

        Assert.Contains("software partner", problem.GetProperty("errors").GetProperty("criteria[1].role")[0].GetString());
    }

    [DatabaseFact]
    public async Task When_one_supplier_does_everything_no_consortium_is_proposed_and_it_is_named()
    {
        string first = SearchProbe.UniqueWord(), second = SearchProbe.UniqueWord();
        var both = await PublishedSmeAsync($"{first} {second}", 100, "pieces", CapacityPeriod.Month, "ISO 9001");
        await PublishedSmeAsync(first, 100, "pieces", CapacityPeriod.Month, "ISO 9001");
        await PublishedSmeAsync(second, 100, "pieces", CapacityPeriod.Month, "ISO 9001");
        var buyer = await app.SignUpAsync(OrganizationKind.Mne);
        var id = await buyer.PublishNewRequirementAsync(Samples.Requirement($"Parts {first}") with
        {
            Criteria =
            [
                new Criterion { Kind = CriterionKind.CapabilityFit, Mandatory = true, Keywords = [first] },
                new Criterion { Kind = CriterionKind.CapabilityFit, Mandatory = true, Keywords = [second] },
            ],
        });
        await app.WaitForIndexAsync();

        var body = await Expect.JsonAsync(await buyer.Client.GetAsync($"/api/requirements/{id}/consortia"), HttpStatusCode.OK);

        Assert.Empty(body.GetProperty("proposals").EnumerateArray());
        Assert.Contains(both.Me.OrgId, body.GetProperty("noConsortiumNeeded").EnumerateArray().Select(x => x.GetProperty("organizationId").GetInt32()));
        Assert.StartsWith("No consortium is proposed: ", body.GetProperty("note").GetString());
    }

    private static IEnumerable<int> Members(JsonElement proposal) =>
        proposal.GetProperty("members").EnumerateArray().Select(m => m.GetProperty("organizationId").GetInt32());
}

[Collection(SharedApps.SqliteC)]
public sealed class ComposerRolesApiTestsOnSqlite(SqliteApp app) : ComposerRolesApiTests(app);

[Collection(SharedApps.PostgresC)]
public sealed class ComposerRolesApiTestsOnPostgres(PostgresApp app) : ComposerRolesApiTests(app), IUsesPostgres;
