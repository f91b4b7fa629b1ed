using System.Net;
using System.Text.Json;
using GvcMatch.Matching;
using GvcMatch.Web.Features.Organizations;
using GvcMatch.Web.Features.Profiles;
using GvcMatch.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GvcMatch.Web.Tests.Consortia;

/// <summary>
/// A buyer's requirement no single SME meets, and SMEs to form a consortium for it: the lead mills and
/// holds ISO 13485; the partner coats, has no certificate, and brings capacity; a third SME is invited
/// too. C1 milling, C2 ISO 13485 and C3 30,000 pieces a month are mandatory; C4 lead time is weighted.
/// </summary>
public sealed record ConsortiumScenario(GvcMatchApp App, Member Buyer, Member Lead, Member Partner, Member Third, int Requirement)
{
    public static async Task<ConsortiumScenario> ArrangeAsync(GvcMatchApp app)
    {
        var buyer = await app.SignUpAsync(OrganizationKind.Mne);
        var lead = await SmeAsync(app, ["cnc milling"], [new CertificationInput("ISO 13485", "TUV", "M-1", Samples.InDays(400))], 20000, 20);
        var partner = await SmeAsync(app, ["powder coating"], [], 15000, 40);
        var third = await SmeAsync(app, ["laser cutting"], [], 5000, 10);
        var requirement = await buyer.PublishNewRequirementAsync(Samples.Requirement("Milled, certified, coated housings") with
        {
            Criteria =
            [
                new Criterion { Kind = CriterionKind.CapabilityFit, Mandatory = true, Keywords = ["cnc milling"] },
                // For whoever does the milling: a certificate counts only for the work its holder does.
                new Criterion { Kind = CriterionKind.CertificationHeld, Mandatory = true, Standard = "ISO 13485", Role = "cnc milling" },
                new Criterion { Kind = CriterionKind.CapacityAtLeast, Mandatory = true, Minimum = 30000, Unit = "pieces" },
                new Criterion { Kind = CriterionKind.LeadTimeAtMost, Weight = 100, Days = 30 },
            ],
        });
        return new ConsortiumScenario(app, buyer, lead, partner, third, requirement);
    }

    private static async Task<Member> SmeAsync(GvcMatchApp app, List<string> capabilities, List<CertificationInput> certificates, decimal capacity, int leadTime)
    {
        var sme = await app.SignUpAsync(OrganizationKind.Sme);
        await sme.SaveProfileAsync(Samples.Profile() with
        {
            Capabilities = capabilities, Certifications = certificates, MonthlyCapacity = capacity, CapacityUnit = "pieces", LeadTimeDays = leadTime,
        });
        return sme;
    }

    /// <summary>The lead forms the consortium and invites the partner and the third SME.</summary>
    public async Task<int> FormAsync(object? lead = null, params object[] invites)
    {
        var body = new
        {
            requirementId = Requirement,
            name = "Milling and coating partners",
            lead = lead ?? new { sharePercent = 60, work = "Milling", criteria = new[] { 0, 1, 2 } },
            invite = invites.Length > 0 ? invites : new object[]
            {
                new { organizationId = Partner.Me.OrgId, sharePercent = 40, work = "Coating", criteria = new[] { 2 } },
                new { organizationId = Third.Me.OrgId },
            },
        };
        var created = await Expect.JsonAsync(await Lead.Client.PostJsonAsync("/api/consortia", body), HttpStatusCode.Created);
        return created.GetProperty("id").GetInt32();
    }

    public static async Task<JsonElement> GetAsync(Member who, int id) =>
        await Expect.JsonAsync(await who.Client.GetAsync($"/api/consortia/{id}"), HttpStatusCode.OK);

    public static async Task AcceptAsync(Member who, int id) =>
        await Expect.StatusAsync(await who.Client.PostAsync($"/api/consortia/{id}/accept"), HttpStatusCode.OK);

    /// <summary>The consortium as stored, for checks that a refused call changed nothing.</summary>
    public Task<string> SnapshotAsync(int id) => App.WithDbAsync(async db =>
    {
        var c = await db.Consortia.AsNoTracking().Include(x => x.Members).FirstAsync(x => x.Id == id);
        var members = c.Members.OrderBy(m => m.OrganizationId)
            .Select(m => $"{m.OrganizationId}:{m.Role}:{m.Status}:{m.SharePercent}:{m.Work}:{string.Join('.', m.Criteria)}:{string.Join('.', m.Lots)}");
        return $"{c.Name}|{c.Status}|{c.LeadOrganizationId}|{string.Join(',', members)}";
    });

    /// <summary>The people's inbox entries of one kind.</summary>
    public static async Task<List<JsonElement>> InboxAsync(Member who, string kind)
    {
        var page = await Expect.JsonAsync(await who.Client.GetAsync("/api/notifications?pageSize=100"), HttpStatusCode.OK);
        return page.GetProperty("items").GetProperty("items").EnumerateArray().Where(n => n.GetProperty("kind").GetString() == kind).ToList();
    }
}
