using GvcMatch.Web.Data;
using GvcMatch.Web.Features.Authorization;
using GvcMatch.Web.Features.IpListings;
using GvcMatch.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace GvcMatch.Web.Pages.Ip;

/// <summary>The IP listings that could meet a requirement, for anyone signed in who may see the requirement.</summary>
[Authorize]
public sealed class ForRequirementModel(AppDbContext db, ResourceAccess access, IpMatching matching) : PageModel
{
    public int Id { get; private set; }
    public string Title { get; private set; } = "";
    public IReadOnlyList<IpMatchDto> Matches { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var actor = await User.GetActorAsync(db, ct);
        var requirement = await db.Requirements.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct);
        if (actor is null || requirement is null || !await access.AllowsAsync(actor, requirement, AccessOperations.Read)) return NotFound();
        (Id, Title) = (requirement.Id, requirement.Title);
        Matches = await matching.ListingsForAsync(requirement, 20, ct);
        return Page();
    }
}
