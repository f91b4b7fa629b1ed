using GvcMatch.Web.Data;
using GvcMatch.Web.Features.GapPlans;
using GvcMatch.Web.Features.Requirements;
using GvcMatch.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace GvcMatch.Web.Pages.Requirements;

/// <summary>An SME's own gap plan for one requirement, recomputed from its profile on every visit.</summary>
[Authorize]
public sealed class GapPlanModel(AppDbContext db, GapPlanService plans) : PageModel
{
    public Requirement Requirement { get; private set; } = null!;

    /// <summary>Null when the SME has no profile yet.</summary>
    public GapPlanDto? Plan { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var actor = await User.GetActorAsync(db, ct);
        var requirement = await db.Requirements.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct);
        if (requirement is null || !requirement.IsVisibleToEveryone) return NotFound();
        if (actor is not { IsSme: true, OrganizationId: { } orgId }) return Forbid();
        Requirement = requirement;
        Plan = await plans.ForRequirementAsync(orgId, requirement, ct);
        return Page();
    }
}
