using GvcMatch.Matching;
using GvcMatch.Matching.Places;
using GvcMatch.Matching.Understanding;
using GvcMatch.Web.Data;
using GvcMatch.Web.Features.Conversations;
using GvcMatch.Web.Features.Offers;
using GvcMatch.Web.Features.Organizations;
using GvcMatch.Web.Features.Profiles;
using GvcMatch.Web.Features.Search;
using Microsoft.EntityFrameworkCore;

namespace GvcMatch.Web.Features.Consolidation;

/// <summary>A supplier in the notice's category, with the facts it is scored on.</summary>
public sealed record CategorySupplier(SupplierFacts Facts);

/// <summary>
/// Who a notice affects: the buyer's awarded suppliers (awards on its requirements) and agreed ones
/// (accepted offers in its conversations), kept when they are SMEs in the notice's category. The
/// category is read on the work that was awarded or agreed and on the supplier's own profile.
/// </summary>
public static class AffectedSuppliers
{
    public static async Task<List<CategorySupplier>> FindAsync(AppDbContext db, ConsolidationNotice notice, CapabilityVocabulary vocabulary, CancellationToken ct)
    {
        var buyer = notice.OrganizationId;
        var awarded = await (from a in db.Awards
                             join b in db.Bids on a.BidId equals b.Id
                             join r in db.Requirements on a.RequirementId equals r.Id
                             where r.OrganizationId == buyer
                             select new { b.OrganizationId, r.IsicCodes, r.HsCodes }).ToListAsync(ct);
        var agreed = await (from o in db.Set<Offer>()
                            where o.State == OfferState.Accepted
                            join p in db.Set<ConversationParty>() on o.ConversationId equals p.ConversationId
                            where p.OrganizationId != buyer
                                && db.Set<ConversationParty>().Any(q => q.ConversationId == o.ConversationId && q.OrganizationId == buyer)
                            join c in db.Set<Conversation>() on o.ConversationId equals c.Id
                            select new { p.OrganizationId, c.Topic, c.AboutId }).ToListAsync(ct);
        var aboutIds = agreed.Where(a => a.Topic == ConversationTopic.Requirement && a.AboutId is not null).Select(a => a.AboutId!.Value).Distinct().ToList();
        var aboutCodes = await db.Requirements.AsNoTracking().Where(r => aboutIds.Contains(r.Id) && r.OrganizationId == buyer)
            .Select(r => new { r.Id, r.IsicCodes, r.HsCodes }).ToDictionaryAsync(r => r.Id, ct);

        // Codes of the work each supplier did for this buyer.
        var workCodes = new Dictionary<int, HashSet<string>>();
        void Add(int org, IEnumerable<string> codes)
        {
            if (!workCodes.TryGetValue(org, out var set)) workCodes[org] = set = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            set.UnionWith(codes);
        }
        foreach (var a in awarded) Add(a.OrganizationId, a.IsicCodes.Concat(a.HsCodes));
        foreach (var a in agreed)
            Add(a.OrganizationId, a.AboutId is { } id && aboutCodes.TryGetValue(id, out var r) ? r.IsicCodes.Concat(r.HsCodes) : []);

        var ids = workCodes.Keys.ToList();
        var profiles = await db.Profiles.AsNoTracking().Include(p => p.Organization).Include(p => p.Certifications).Include(p => p.Organization.Disclosures)
            .Where(p => ids.Contains(p.OrganizationId) && p.Organization.Kind == OrganizationKind.Sme)
            .AsSplitQuery().ToListAsync(ct);
        var region = Region(notice);
        return profiles.Where(p => region is null || region.Contains(p.Organization.Country.ToUpperInvariant()))
            .Where(p => InCategory(notice, p, workCodes[p.OrganizationId], vocabulary))
            .OrderBy(p => p.OrganizationId)
            .Select(p => new CategorySupplier(SupplierDocuments.Facts(p))).ToList();
    }

    /// <summary>The countries the notice's region names, or null when it names none.</summary>
    private static HashSet<string>? Region(ConsolidationNotice n) =>
        n.Countries.Count + n.Regions.Count == 0 ? null
            : Markets.CountriesOf(new Criterion { Kind = CriterionKind.LocationIn, Countries = n.Countries, Regions = n.Regions }).ToHashSet(StringComparer.Ordinal);

    /// <summary>In the category by a code of the work or the profile, or by a concept the profile names (or one below it); any when only a region is given.</summary>
    private static bool InCategory(ConsolidationNotice n, CapabilityProfile p, HashSet<string> work, CapabilityVocabulary vocabulary)
    {
        if (n.IsicCodes.Count + n.HsCodes.Count + n.Concepts.Count == 0) return true;
        var codes = new HashSet<string>(work, StringComparer.OrdinalIgnoreCase);
        codes.UnionWith(p.IsicCodes);
        codes.UnionWith(p.HsCodes);
        if (n.IsicCodes.Concat(n.HsCodes).Any(codes.Contains)) return true;
        if (n.Concepts.Count == 0) return false;
        var read = ProfileReading.Read(SupplierDocuments.Facts(p), vocabulary);
        return read.Concepts.Any(c => n.Concepts.Contains(c.Id) || vocabulary.AncestorsOf(c.Id).Any(n.Concepts.Contains));
    }
}
