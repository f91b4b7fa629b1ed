using GvcMatch.Web.Data;
using GvcMatch.Web.Features.Bids;
using GvcMatch.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GvcMatch.Web.Pages.Bids;

/// <summary>One bid, read-only: for its party at any time, for the buyer once bids are opened.</summary>
[Authorize]
public sealed class ViewModel(AppDbContext db, BidReads reads, TimeProvider clock) : PageModel
{
    public BidView Bid { get; private set; } = null!;
    public BidDto Dto { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var read = await reads.ReadAsync(await User.GetActorAsync(db, ct), id, ct);
        // Sealed reads the same as missing here: the page shows nothing of a bid it may not show.
        if (read.Refusal is { Status: StatusCodes.Status409Conflict } f) return StatusCode(StatusCodes.Status409Conflict, f.Detail);
        if (read.Refusal is not null) return NotFound();
        Bid = read.Value!;
        Dto = BidDto.From(Bid, clock.GetUtcNow());
        return Page();
    }
}
