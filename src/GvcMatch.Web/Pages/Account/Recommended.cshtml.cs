using GvcMatch.Matching;
using GvcMatch.Web.Data;
using GvcMatch.Web.Features.Matching;
using GvcMatch.Web.Features.Search;
using GvcMatch.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GvcMatch.Web.Pages.Account;

/// <summary>Open requirements ranked for the signed-in SME, each with its explanation.</summary>
public sealed class RecommendedModel(AppDbContext db, MatchingService matching) : PageModel
{
    public IReadOnlyList<(int RequirementId, string Title, MatchResult Result)> Items { get; private set; } = [];
    public bool HasProfile { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var actor = await User.GetActorAsync(db, ct);
        if (actor is null || !actor.IsSme || actor.OrganizationId is not { } orgId) return Forbid();
        var facts = await SupplierDocuments.LoadOwnFactsAsync(db, orgId, ct);
        HasProfile = facts is not null;
        if (facts is not null) Items = await matching.RecommendRequirementsAsync(facts, 30, ct);
        return Page();
    }
}
