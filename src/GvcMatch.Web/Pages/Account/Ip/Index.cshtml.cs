using GvcMatch.Web.Data;
using GvcMatch.Web.Features;
using GvcMatch.Web.Features.IpListings;
using GvcMatch.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GvcMatch.Web.Pages.Account.Ip;

/// <summary>The caller's SME's own IP listings, drafts included.</summary>
public sealed class IndexModel(AppDbContext db) : PageModel
{
    public IReadOnlyList<IpListingCard> Items { get; private set; } = [];
    public string? Message { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var actor = await User.GetActorAsync(db, ct);
        if (actor?.OrganizationId is not { } orgId || Access.CanManageIpListings(actor, orgId) is not null) return Forbid();
        Items = (await IpListingQueries.BrowseAsync(db, new IpListingFilter { PageSize = PageRequest.MaxPageSize }, orgId, ct)).Items;
        Message = TempData["Message"] as string;
        return Page();
    }
}
