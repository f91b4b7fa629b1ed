using GvcMatch.Matching;
using GvcMatch.Web.Data;
using GvcMatch.Web.Features.Matching;
using Microsoft.EntityFrameworkCore;

namespace GvcMatch.Web.Features.Consolidation;

/// <summary>One open requirement of another buyer that an affected SME matches, with the matcher's explanation.</summary>
public sealed record NoticeMatch(int RequirementId, string Title, int BuyerId, MatchResult Result);

/// <summary>
/// Re-matching an affected SME: the open requirements of other buyers it fits, ranked as on its
/// "Requirements for you" page (the matcher's requirement→supplier direction reversed, qualified
/// first, each with its explanation). Requirements of the consolidating buyer are left out: the point
/// is to find other customers. Computed, not stored: the notice page reads it on view so it follows
/// the profile, and the affected job reads it once to put the best matches in the notice.
/// </summary>
public sealed class Rematch(AppDbContext db, MatchingService matching)
{
    /// <summary>The recommender's pool is ranked before filtering, so ask for a few more than shown.</summary>
    private const int Overfetch = 10;

    public async Task<IReadOnlyList<NoticeMatch>> ForAsync(SupplierFacts supplier, int consolidatingBuyer, int top, CancellationToken ct)
    {
        var ranked = await matching.RecommendRequirementsAsync(supplier, top + Overfetch, ct);
        var ids = ranked.Select(r => r.RequirementId).ToList();
        var owners = await db.Requirements.AsNoTracking().Where(r => ids.Contains(r.Id))
            .Select(r => new { r.Id, r.OrganizationId }).ToDictionaryAsync(r => r.Id, r => r.OrganizationId, ct);
        return ranked
            .Where(r => owners.TryGetValue(r.RequirementId, out var owner) && owner != consolidatingBuyer && owner != supplier.OrganizationId)
            .Take(top)
            .Select(r => new NoticeMatch(r.RequirementId, r.Title, owners[r.RequirementId], r.Result))
            .ToList();
    }
}
