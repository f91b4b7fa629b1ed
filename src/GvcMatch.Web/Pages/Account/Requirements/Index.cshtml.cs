using GvcMatch.Web.Data;
using GvcMatch.Web.Features;
using GvcMatch.Web.Features.Requirements;
using GvcMatch.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GvcMatch.Web.Pages.Account.Requirements;

/// <summary>The caller's MNE's own requirements, drafts included.</summary>
public sealed class IndexModel(AppDbContext db) : PageModel
{
    public IReadOnlyList<RequirementCard> Items { get; private set; } = [];
    public string? Message { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var actor = await User.GetActorAsync(db, ct);
        if (actor?.OrganizationId is not { } orgId || Access.CanManageRequirements(actor, orgId) is not null) return Forbid();
        Items = (await RequirementQueries.BrowseAsync(db, new RequirementFilter { Mine = true, PageSize = PageRequest.MaxPageSize }, orgId, ct)).Items;
        Message = TempData["Message"] as string;
        return Page();
    }
}
