using GvcMatch.Web.Data;
using GvcMatch.Web.Features;
using GvcMatch.Web.Features.Consolidation;
using GvcMatch.Web.Features.GapPlans;
using GvcMatch.Web.Features.Matching;
using GvcMatch.Web.Features.Search;
using GvcMatch.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace GvcMatch.Web.Pages.Consolidation;

/// <summary>
/// A consolidation notice: public without supplier names; the buyer also sees each affected
/// supplier's progress; an affected SME sees its score, its gap plan and, once decided, its debrief.
/// </summary>
public sealed class DetailsModel(AppDbContext db, ConsolidationService notices, GapPlanService plans, MatchContexts contexts, TimeProvider clock,
    Rematch rematch) : PageModel
{
    public ConsolidationNotice Notice { get; private set; } = null!;
    public NoticeProgressDto? Progress { get; private set; }
    public AffectedSupplier? Mine { get; private set; }
    public GapPlanDto? Plan { get; private set; }

    /// <summary>For an affected SME: other buyers' open requirements it fits, computed on view so they follow its profile.</summary>
    public IReadOnlyList<NoticeMatchDto> Matches { get; private set; } = [];

    /// <summary>The buyer records outcomes from the decision date on: the notice period runs until then.</summary>
    public bool OutcomesOpen { get; private set; }
    public int? OutcomeFor { get; private set; }
    public IDictionary<string, string[]>? OutcomeErrors { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var actor = await User.GetActorAsync(db, ct);
        var notice = await db.ConsolidationNotices.AsNoTracking().Include(n => n.Organization).FirstOrDefaultAsync(n => n.Id == id, ct);
        if (notice is null) return NotFound();
        var buyer = Access.IsMember(actor, notice.OrganizationId);
        if (notice.Status == NoticeStatus.Draft && !buyer) return NotFound();
        Notice = notice;
        if (buyer)
        {
            Progress = await notices.ProgressAsync(notice, ct);
            OutcomesOpen = notice.Status == NoticeStatus.Published && clock.Today() >= notice.DecisionDate;
        }
        else if (actor is { IsSme: true, OrganizationId: { } orgId })
        {
            Mine = await db.AffectedSuppliers.AsNoTracking().FirstOrDefaultAsync(a => a.NoticeId == id && a.OrganizationId == orgId, ct);
            if (Mine is not null && await SupplierDocuments.LoadOwnFactsAsync(db, orgId, ct) is { } facts)
            {
                Plan = await plans.PlanAsync("consolidation-notice", notice.Id, notice.Title, notice.Version, notice.Criteria, contexts.For((string?)null), facts, ct);
                Matches = (await rematch.ForAsync(facts, notice.OrganizationId, 10, ct)).Select(NoticeMatchDto.From).ToList();
            }
        }
        return Page();
    }

    /// <summary>The outcome form of one supplier row; errors are shown on that row.</summary>
    public async Task<IActionResult> OnPostOutcomeAsync(int id, int organizationId, ConsolidationOutcome? outcome, string? reason, CancellationToken ct)
    {
        var actor = await User.GetActorAsync(db, ct);
        var notice = await db.ConsolidationNotices.AsNoTracking().FirstOrDefaultAsync(n => n.Id == id, ct);
        if (notice is null || (notice.Status == NoticeStatus.Draft && !Access.IsMember(actor, notice.OrganizationId))) return NotFound();
        if (!Access.IsMember(actor, notice.OrganizationId)) return Forbid();
        var supplier = await db.AffectedSuppliers.FirstOrDefaultAsync(a => a.NoticeId == id && a.OrganizationId == organizationId, ct);
        if (supplier is null) return NotFound();
        var errors = new Errors();
        if (outcome is not { } chosen || !Enum.IsDefined(chosen)) errors.Add("outcome", "Give Retained or NotRetained.");
        errors.Required("reason", reason, NoticeLimits.Reason);
        if (!errors.Any && clock.Today() < notice.DecisionDate)
            errors.Add("outcome", $"Outcomes are recorded from the decision date, {notice.DecisionDate:yyyy-MM-dd}: the notice period runs until then.");
        if (errors.Any)
        {
            OutcomeFor = organizationId;
            OutcomeErrors = errors.ToDictionary();
            return await OnGetAsync(id, ct);
        }
        await notices.RecordOutcomeAsync(notice, supplier, outcome!.Value, reason!, ct);
        return RedirectToPage(new { id });
    }
}
