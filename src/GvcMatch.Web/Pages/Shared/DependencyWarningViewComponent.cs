using GvcMatch.Web.Data;
using GvcMatch.Web.Features.Dependency;
using GvcMatch.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace GvcMatch.Web.Pages.Shared;

/// <summary>On an SME's dashboard: a warning when one customer holds too large a share of its revenue, with other buyers' requirements it fits.</summary>
public sealed class DependencyWarningViewComponent(AppDbContext db, RevenueShares shares) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        var actor = User is System.Security.Claims.ClaimsPrincipal p ? await p.GetActorAsync(db) : null;
        if (actor is not { IsSme: true, OrganizationId: { } orgId }) return Content("");
        var dependency = await shares.ForAsync(orgId, HttpContext.RequestAborted);
        return dependency.AboveThreshold is null ? Content("") : View(dependency);
    }
}
