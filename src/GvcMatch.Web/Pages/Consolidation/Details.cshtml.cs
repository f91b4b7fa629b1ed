using GvcMatch.Web.Data;
using GvcMatch.Web.Features;
using GvcMatch.Web.Features.Consolidation;
using GvcMatch.Web.Features.GapPlans;
using GvcMatch.Web.Features.Matching;
using GvcMatch.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace GvcMatch.Web.Pages.Consolidation;

/// <summary>
/// A consolidation notice: public without supplier names; the buyer also sees each affected
/// supplier's progress; an affected SME sees its score, its gap plan and, once decided, its debrief.
/// </summary>
public sealed class DetailsModel(AppDbContext db, ConsolidationService notices, GapPlanService plans, MatchContexts contexts) : PageModel
{
    public ConsolidationNotice Notice { get; private set; } = null!;
    public NoticeProgressDto? Progress { get; private set; }
    public AffectedSupplier? Mine { get; private set; }
    public GapPlanDto? Plan { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var actor = await User.GetActorAsync(db, ct);
        var notice = await db.ConsolidationNotices.AsNoTracking().Include(n => n.Organization).FirstOrDefaultAsync(n => n.Id == id, ct);
        if (notice is null) return NotFound();
        var buyer = Access.IsMember(actor, notice.OrganizationId);
        if (notice.Status == NoticeStatus.Draft && !buyer) return NotFound();
        Notice = notice;
        if (buyer) Progress = await notices.ProgressAsync(notice, ct);
        else if (actor is { IsSme: true, OrganizationId: { } orgId })
        {
            Mine = await db.AffectedSuppliers.AsNoTracking().FirstOrDefaultAsync(a => a.NoticeId == id && a.OrganizationId == orgId, ct);
            if (Mine is not null)
                Plan = await plans.PlanAsync(orgId, "consolidation-notice", notice.Id, notice.Title, notice.Version, notice.Criteria, contexts.For((string?)null), ct);
        }
        return Page();
    }
}
