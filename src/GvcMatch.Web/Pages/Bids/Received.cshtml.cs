using GvcMatch.Web.Data;
using GvcMatch.Web.Features.Bids;
using GvcMatch.Web.Features.Requirements;
using GvcMatch.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace GvcMatch.Web.Pages.Bids;

/// <summary>The buyer's bids for one requirement: a sealed notice until the deadline, the submitted bids after it.</summary>
[Authorize]
public sealed class ReceivedModel(AppDbContext db, BidReads reads) : PageModel
{
    public Requirement Requirement { get; private set; } = null!;
    public IReadOnlyList<BidView>? Bids { get; private set; }
    public string? Sealed { get; private set; }

    public async Task<IActionResult> OnGetAsync(int requirementId, CancellationToken ct)
    {
        var actor = await User.GetActorAsync(db, ct);
        var opened = await reads.ForBuyerAsync(actor, requirementId, ct);
        switch (opened.Refusal)
        {
            case { IsNotFound: true }: return NotFound();
            case { IsForbidden: true }: return Forbid();
            case { } sealedNotice:
                Requirement = await db.Requirements.AsNoTracking().FirstAsync(r => r.Id == requirementId, ct);
                Sealed = sealedNotice.Detail;
                return Page();
        }
        (Requirement, var bids) = opened.Value;
        Bids = bids;
        return Page();
    }
}
