using GvcMatch.Web.Data;
using GvcMatch.Web.Features.Consortia;
using GvcMatch.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace GvcMatch.Web.Pages.Shared;

/// <summary>The group certificates that list an SME, with the owner's accept and decline buttons.</summary>
public sealed class GroupCertificateListingsViewComponent(AppDbContext db, TimeProvider clock) : ViewComponent
{
    public sealed record Listings(IReadOnlyList<GroupCertificateListingDto> Items, bool CanDecide);

    public async Task<IViewComponentResult> InvokeAsync(Actor actor)
    {
        if (GroupCertificateListings.CannotSee(actor) is not null) return Content("");
        var items = await GroupCertificateListings.ForSmeAsync(db, actor.OrganizationId!.Value, clock.Today(), HttpContext.RequestAborted);
        return View(new Listings(items, actor.IsOwnerOf(actor.OrganizationId!.Value)));
    }
}
