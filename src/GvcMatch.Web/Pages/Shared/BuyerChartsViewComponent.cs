using GvcMatch.Web.Data;
using GvcMatch.Web.Features.Dashboards;
using GvcMatch.Web.Features.Dependency;
using GvcMatch.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace GvcMatch.Web.Pages.Shared;

/// <summary>On a buyer's dashboard: its requirements' pipeline and the share of award value to SMEs and new suppliers.</summary>
public sealed class BuyerChartsViewComponent(AppDbContext db, IOptions<DependencyOptions> options, TimeProvider clock) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        var actor = User is System.Security.Claims.ClaimsPrincipal p ? await p.GetActorAsync(db) : null;
        if (actor is not { IsMne: true, OrganizationId: { } orgId }) return Content("");
        ViewData["NewSupplierDays"] = options.Value.NewSupplierDays;
        return View(await BuyerDashboard.ForAsync(db, orgId, options.Value, clock.GetUtcNow(), HttpContext.RequestAborted));
    }
}
