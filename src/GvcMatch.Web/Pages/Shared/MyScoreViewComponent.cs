using GvcMatch.Matching;
using GvcMatch.Web.Data;
using GvcMatch.Web.Features.Matching;
using GvcMatch.Web.Features.Requirements;
using GvcMatch.Web.Features.Search;
using GvcMatch.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace GvcMatch.Web.Pages.Shared;

public sealed record MyScoreView(Requirement Requirement, MatchResult? Result, bool IsBuyer, bool IsSme, bool HasProfile)
{
    public IReadOnlyList<CriterionScoreDto> Criteria => Result?.Criteria.Select(CriterionScoreDto.From).ToList() ?? [];
}

/// <summary>
/// On a requirement's page: the SME's own score with the same explanation the buyer sees, and
/// what it would need to qualify; for the buyer, the way to the ranked suppliers.
/// </summary>
public sealed class MyScoreViewComponent(AppDbContext db, TimeProvider clock, Features.Matching.MatchContexts contexts) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(Requirement requirement)
    {
        var actor = User is System.Security.Claims.ClaimsPrincipal p ? await p.GetActorAsync(db) : null;
        var isBuyer = actor?.IsMemberOf(requirement.OrganizationId) == true;
        if (actor is null || (!isBuyer && !actor.IsSme)) return Content("");
        MatchResult? result = null;
        var hasProfile = false;
        if (actor.IsSme && actor.OrganizationId is { } orgId)
        {
            var facts = await SupplierDocuments.LoadOwnFactsAsync(db, orgId, HttpContext.RequestAborted);
            hasProfile = facts is not null;
            if (facts is not null) result = Scorer.Score(requirement.Criteria, facts, clock.Today(), contexts.For(requirement));
        }
        return View(new MyScoreView(requirement, result, isBuyer, actor.IsSme, hasProfile));
    }
}
