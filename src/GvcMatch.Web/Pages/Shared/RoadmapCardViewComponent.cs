using GvcMatch.Web.Data;
using GvcMatch.Web.Features.Roadmaps;
using GvcMatch.Web.Features.Search;
using GvcMatch.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace GvcMatch.Web.Pages.Shared;

/// <summary>On the dashboard: for an SME the road-map items it fits best; for a buyer its published items and the interest they drew.</summary>
public sealed class RoadmapCardViewComponent(AppDbContext db, RoadmapMatching matching) : ViewComponent
{
    public sealed record Card(bool ForBuyer, IReadOnlyList<RoadmapFit> Fits, int Published, int Interests);

    public async Task<IViewComponentResult> InvokeAsync()
    {
        var ct = HttpContext.RequestAborted;
        var actor = User is System.Security.Claims.ClaimsPrincipal p ? await p.GetActorAsync(db, ct) : null;
        if (actor is { IsMne: true, OrganizationId: { } buyer })
        {
            var items = db.Set<RoadmapItem>().Where(i => i.OrganizationId == buyer && i.Status == RoadmapStatus.Published);
            var interests = await db.Set<ExpressionOfInterest>().CountAsync(e => items.Any(i => i.Id == e.ItemId), ct);
            return View(new Card(true, [], await items.CountAsync(ct), interests));
        }
        if (actor is not { IsSme: true, OrganizationId: { } org }) return Content("");
        var facts = await SupplierDocuments.LoadOwnFactsAsync(db, org, ct);
        return View(new Card(false, facts is null ? [] : await matching.ItemsForAsync(actor, facts, 3, ct), 0, 0));
    }
}
