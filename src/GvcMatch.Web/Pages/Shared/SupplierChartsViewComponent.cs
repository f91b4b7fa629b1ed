using GvcMatch.Web.Data;
using GvcMatch.Web.Features.Dashboards;
using GvcMatch.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace GvcMatch.Web.Pages.Shared;

/// <summary>On an SME's dashboard: appearances in matches, profile views, win rate and scores on open requirements, as charts.</summary>
public sealed class SupplierChartsViewComponent(AppDbContext db, SupplierDashboard dashboard) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        var actor = User is System.Security.Claims.ClaimsPrincipal p ? await p.GetActorAsync(db) : null;
        if (actor is not { IsSme: true, OrganizationId: { } orgId }) return Content("");
        return View(await dashboard.ForAsync(orgId, HttpContext.RequestAborted));
    }
}
