using GvcMatch.Web.Data;
using GvcMatch.Web.Features.Consortia;
using GvcMatch.Web.Features.Matching;
using GvcMatch.Web.Features.Requirements;
using GvcMatch.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace GvcMatch.Web.Pages.Requirements;

/// <summary>The buyer's view: ranked suppliers for one requirement, each score broken down by criterion.</summary>
[Authorize]
public sealed class MatchesModel(AppDbContext db, MatchingService matching, ComposerService composer) : PageModel
{
    public Requirement Requirement { get; private set; } = null!;
    public MatchListDto Matches { get; private set; } = null!;
    public bool Diversify { get; private set; }

    /// <summary>Proposed consortia, composed only when asked for: it is a search of its own.</summary>
    public ConsortiaDto? Consortia { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, bool diversify, bool consortia, CancellationToken ct)
    {
        var actor = await User.GetActorAsync(db, ct);
        var requirement = await db.Requirements.AsNoTracking().Include(r => r.Organization).FirstOrDefaultAsync(r => r.Id == id, ct);
        if (actor is null || requirement is null) return NotFound();
        if (!actor.IsMemberOf(requirement.OrganizationId)) return requirement.IsVisibleToEveryone ? Forbid() : NotFound();

        Requirement = requirement;
        Diversify = diversify;
        Matches = await matching.MatchSuppliersAsync(requirement, 20, diversify, ct);
        if (consortia) Consortia = await composer.ComposeAsync(requirement, null, 3, ct);
        return Page();
    }
}
