using GvcMatch.Matching;
using GvcMatch.Search;
using GvcMatch.Web.Data;
using GvcMatch.Web.Features.Matching;
using GvcMatch.Web.Features.Profiles;
using GvcMatch.Web.Features.Requirements;
using GvcMatch.Web.Features.Roadmaps;
using GvcMatch.Web.Features.Search;
using GvcMatch.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GvcMatch.Web.Features.IpListings;

/// <summary>A requirement an IP listing could serve, or a listing that could meet a requirement, with the matcher's explanation.</summary>
public sealed record IpMatchDto(
    int Id, string Title, int OrganizationId, string OrganizationName, double Total, bool Qualified, string Headline,
    IReadOnlyList<CriterionScoreDto> Criteria);

/// <summary>
/// Matching both ways between IP listings and requirements, with the same scorer and per-criterion
/// explanation as suppliers get. A listing is read as the facts of a supplier: its title, abstract
/// and IPC classes are what it can do, its owner's country is where it is, and the territory on
/// offer is where it can go (the export criterion). Capacity, lead time and certificates say
/// nothing about a right, so those criteria are left out of an IP match rather than failed.
/// Candidates come from the search index (published listings; requirements but drafts) and only
/// published requirements still open are offered.
/// </summary>
public sealed class IpMatching(AppDbContext db, ISearchIndex index, TimeProvider clock, MatchContexts contexts, ReferenceData.ReferenceData reference)
{
    public const int CandidatePool = 200;

    private static readonly HashSet<CriterionKind> ForIp =
        [CriterionKind.CapabilityFit, CriterionKind.LocationIn, CriterionKind.ExportExperience, CriterionKind.VerifiedSupplier, CriterionKind.CompanySize];

    /// <summary>The criteria a right can be judged on; the rest are about making parts.</summary>
    public static IReadOnlyList<Criterion> Applicable(IReadOnlyList<Criterion> criteria) => criteria.Where(c => ForIp.Contains(c.Kind)).ToList();

    public SupplierFacts FactsOf(IpListing ip) => new()
    {
        OrganizationId = ip.OrganizationId,
        Name = ip.Organization.Name,
        Country = ip.Organization.Country,
        SizeBand = ip.Organization.SizeBand.ToString(),
        Verified = ip.Organization.Verified,
        Summary = ip.Title,
        Capabilities = [ip.Title, .. ip.IpcClasses.Select(c => reference.NameOf("ipc", c) ?? c), .. FieldOfUse(ip)],
        Description = ip.Abstract,
        ExportMarkets = TerritoryCountries(ip.OfferedTerms),
    };

    private static IEnumerable<string> FieldOfUse(IpListing ip) => ip.OfferedTerms?.FieldOfUse is { } f ? [f] : [];

    /// <summary>The countries a term sheet's territory covers, regions expanded.</summary>
    public static IReadOnlyList<string> TerritoryCountries(TermSheet? terms) => terms is null ? [] : terms.Territory
        .SelectMany(t => GvcMatch.Matching.Places.RegionRegistry.Default.Find(t) is { } region ? region.Countries : (IEnumerable<string>)[t])
        .Distinct().ToList();

    /// <summary>Open requirements the listing could serve, qualified ones first, each with its buyer.</summary>
    public async Task<IReadOnlyList<IpMatchDto>> RequirementsForAsync(IpListing ip, int top, CancellationToken ct)
    {
        var today = clock.Today();
        var facts = FactsOf(ip);
        var query = new SearchQuery
        {
            Kind = DocumentKind.Requirement,
            Text = RetrievalQuery.KeywordText([.. facts.Capabilities, ip.Abstract]),
            AnyTerm = true,
            Filters = [new KeywordFilter("status", [nameof(RequirementStatus.Published)])],
            Ranges = [new RangeFilter("deadline", SupplierDocuments.DayNumber(today), null)],
            Take = CandidatePool,
        };
        var hits = (await index.SearchAsync(query, ct)).Hits;
        var scored = hits
            .Select(h => (Hit: h, Payload: CriteriaPayload.Read(h.Payload)))
            .Select(x => (x.Hit, Result: Scorer.Score(Applicable(x.Payload.Criteria), facts, today, contexts.For(x.Payload.Description))))
            .Where(x => x.Result.Criteria.Count > 0 && x.Result.Relevant)
            .OrderByDescending(x => x.Result.Qualified).ThenByDescending(x => x.Result.Total).ThenByDescending(x => x.Hit.Score).ThenBy(x => x.Hit.EntityId)
            .Take(top).ToList();

        // The index may lag a change: the database decides what is still published and whose it is.
        var ids = scored.Select(x => x.Hit.EntityId).ToList();
        var buyers = await db.Requirements.AsNoTracking().Where(r => ids.Contains(r.Id) && r.Status == RequirementStatus.Published)
            .Select(r => new { r.Id, r.OrganizationId, OrganizationName = r.Organization.Name }).ToDictionaryAsync(r => r.Id, ct);
        return scored.Where(x => buyers.ContainsKey(x.Hit.EntityId) && buyers[x.Hit.EntityId].OrganizationId != ip.OrganizationId)
            .Select(x => Dto(x.Hit.EntityId, x.Hit.Title, buyers[x.Hit.EntityId].OrganizationId, buyers[x.Hit.EntityId].OrganizationName, x.Result))
            .ToList();
    }

    /// <summary>Published IP listings that could meet the requirement, qualified ones first.</summary>
    public async Task<IReadOnlyList<IpMatchDto>> ListingsForAsync(Requirement requirement, int top, CancellationToken ct)
    {
        var today = clock.Today();
        var criteria = Applicable(requirement.Criteria);
        var words = criteria.Where(c => c.Kind == CriterionKind.CapabilityFit).SelectMany(c => c.Keywords ?? []).Append(requirement.Title);
        var query = new SearchQuery { Kind = DocumentKind.IpListing, Text = RetrievalQuery.KeywordText(words), AnyTerm = true, Take = CandidatePool };
        var hits = (await index.SearchAsync(query, ct)).Hits;
        var ids = hits.Select(h => h.EntityId).ToList();
        var listings = await db.IpListings.AsNoTracking().Include(i => i.Organization)
            .Where(i => ids.Contains(i.Id) && i.Status == PublicationStatus.Published && i.OrganizationId != requirement.OrganizationId)
            .ToListAsync(ct);
        var rank = hits.Select((h, i) => (h.EntityId, i)).ToDictionary(x => x.EntityId, x => x.i);
        var context = contexts.For(requirement);
        return listings
            .Select(ip => (Listing: ip, Result: Scorer.Score(criteria, FactsOf(ip), today, context)))
            .Where(x => x.Result.Relevant)
            .OrderByDescending(x => x.Result.Qualified).ThenByDescending(x => x.Result.Total).ThenBy(x => rank[x.Listing.Id]).ThenBy(x => x.Listing.Id)
            .Take(top)
            .Select(x => Dto(x.Listing.Id, x.Listing.Title, x.Listing.OrganizationId, x.Listing.Organization.Name, x.Result))
            .ToList();
    }

    /// <summary>
    /// Published road-map items the listing could serve, among those its owner may see: items for
    /// everyone, and network-only items only from buyers whose supplier network the owner is in.
    /// Items are few and not indexed, so each one the owner may see is scored, as for an SME's fits.
    /// </summary>
    public async Task<IReadOnlyList<IpMatchDto>> RoadmapItemsForAsync(IpListing ip, int top, CancellationToken ct)
    {
        var today = clock.Today();
        var facts = FactsOf(ip);
        var owner = new Actor("", ip.OrganizationId, ip.Organization.Kind, MemberRole.Member, false, ip.Organization.Verified);
        var items = await (await RoadmapAccess.VisibleAsync(db, owner, ct)).AsNoTracking().Include(i => i.Organization)
            .Where(i => i.Status == RoadmapStatus.Published && i.OrganizationId != ip.OrganizationId)
            .OrderByDescending(i => i.Id).Take(RoadmapMatching.ItemsScored).ToListAsync(ct);
        return items
            .Select(i => (Item: i, Result: Scorer.Score(Applicable(i.Criteria), facts, today, contexts.For(i.Description))))
            .Where(x => x.Result.Criteria.Count > 0 && x.Result.Relevant)
            .OrderByDescending(x => x.Result.Qualified).ThenByDescending(x => x.Result.Total).ThenBy(x => x.Item.Id)
            .Take(top)
            .Select(x => Dto(x.Item.Id, x.Item.Title, x.Item.OrganizationId, x.Item.Organization.Name, x.Result))
            .ToList();
    }

    /// <summary>Published IP listings that could serve a road-map item, read as the requirement it will become.</summary>
    public Task<IReadOnlyList<IpMatchDto>> ListingsForAsync(RoadmapItem item, int top, CancellationToken ct) =>
        ListingsForAsync(RoadmapMatching.AsRequirement(item), top, ct);

    private static IpMatchDto Dto(int id, string title, int orgId, string orgName, MatchResult r) =>
        new(id, title, orgId, orgName, r.Total, r.Qualified, r.Headline(), r.Criteria.Select(CriterionScoreDto.From).ToList());
}
