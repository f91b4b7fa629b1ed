using System.Net;
using System.Text.Json;
using GvcMatch.Web.Features.Bids;
using GvcMatch.Web.Features.Consortia;
using GvcMatch.Web.Features.Organizations;
using GvcMatch.Web.Features.Requirements;
using GvcMatch.Web.Tests.Infrastructure;
using GvcMatch.Web.Tests.Offers;

namespace GvcMatch.Web.Tests.Bids;

/// <summary>Set-up for bid tests: a buyer's published requirement with lots, bidders, complete bids and the clock past the deadline.</summary>
public static class BidKit
{
    /// <summary>The sample requirement (C1 mandatory ISO 9001, C2 and C3 weighted) split into two lots.</summary>
    public static RequirementInput RequirementWithLots() => Samples.Requirement() with
    {
        Lots =
        [
            new RequirementLot { Number = 1, Title = "Housings", Quantity = 3000, QuantityUnit = "pieces" },
            new RequirementLot { Number = 2, Title = "Covers" },
        ],
    };

    public static async Task<(Member Buyer, int RequirementId)> BuyerWithRequirementAsync(this GvcMatchApp app, RequirementInput? input = null)
    {
        var buyer = await app.SignUpAsync(OrganizationKind.Mne);
        return (buyer, await buyer.PublishNewRequirementAsync(input ?? RequirementWithLots()));
    }

    /// <summary>A bid that answers every criterion of <see cref="RequirementWithLots"/> and names lot 1.</summary>
    public static BidInput CompleteBid(int? consortiumId = null) => new()
    {
        ConsortiumId = consortiumId,
        Lots = [1],
        Answers =
        [
            new BidAnswerInput { Criterion = 0, Value = "yes", Evidence = "ISO 9001 certificate Q-123, TUV, valid to 2028-01" },
            new BidAnswerInput { Criterion = 1, Value = "5-axis CNC milling and in-house anodising" },
            new BidAnswerInput { Criterion = 2, Number = 21, Value = "21 days from order" },
        ],
        Price = 4.2m,
        Currency = "EUR",
        PriceBasis = "per piece",
        LeadTimeDays = 21,
        Incoterms = "FCA",
        PaymentTermsDays = 30,
        Notes = "First article inspection report with the first lot.",
        Subcontractors = [new SubcontractorInput { Name = "Eloxal Nord GmbH", Country = "DE", Work = "Anodising", SharePercent = 10 }],
    };

    public static async Task<JsonElement> CreateBidAsync(this Member sme, int requirementId, BidInput? input = null) =>
        await Expect.JsonAsync(await sme.Client.PostJsonAsync($"/api/requirements/{requirementId}/bids", input ?? CompleteBid()), HttpStatusCode.Created);

    public static async Task<int> SubmittedBidAsync(this Member sme, int requirementId, BidInput? input = null)
    {
        var id = (await sme.CreateBidAsync(requirementId, input)).GetProperty("id").GetInt32();
        await Expect.StatusAsync(await sme.Client.PostAsync($"/api/bids/{id}/submit"), HttpStatusCode.OK);
        return id;
    }

    /// <summary>Moves the clock past the sample deadline (30 days ahead) and signs the members in again, as their tokens have lapsed.</summary>
    public static async Task<Member[]> PassDeadlineAsync(this GvcMatchApp app, params Member[] members)
    {
        app.Clock.Advance(TimeSpan.FromDays(32));
        var again = new Member[members.Length];
        for (var i = 0; i < members.Length; i++) again[i] = await app.SignInAgainAsync(members[i]);
        return again;
    }

    /// <summary>A consortium formed directly in the database (the consortia feature owns its API).</summary>
    public static Task<int> ConsortiumAsync(this GvcMatchApp app, int requirementId, Member lead, ConsortiumStatus status, params (Member Member, ConsortiumMemberStatus Status)[] others) =>
        app.WithDbAsync(async db =>
        {
            var now = DateTimeOffset.UtcNow;
            var consortium = new Consortium
            {
                RequirementId = requirementId, Name = $"Consortium {Guid.NewGuid():N}"[..20], LeadOrganizationId = lead.Me.OrgId, Status = status,
                CreatedByUserId = lead.Me.UserId, CreatedAt = now, UpdatedAt = now,
                Members = [new ConsortiumMember { OrganizationId = lead.Me.OrgId, Role = ConsortiumRole.Lead, Status = ConsortiumMemberStatus.Accepted, SharePercent = 60, InvitedAt = now }],
            };
            consortium.Members.AddRange(others.Select(o => new ConsortiumMember
            {
                OrganizationId = o.Member.Me.OrgId, Role = ConsortiumRole.Member, Status = o.Status, SharePercent = 40, InvitedAt = now,
                InvitedByUserId = lead.Me.UserId,
            }));
            db.Consortia.Add(consortium);
            await db.SaveChangesAsync();
            return consortium.Id;
        });
}
