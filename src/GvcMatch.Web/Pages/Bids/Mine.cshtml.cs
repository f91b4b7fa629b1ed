using GvcMatch.Web.Data;
using GvcMatch.Web.Features.Bids;
using GvcMatch.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GvcMatch.Web.Pages.Bids;

/// <summary>"My bids": the organisation's own bids and those of the consortia it has joined.</summary>
[Authorize]
public sealed class MineModel(AppDbContext db, BidReads reads, TimeProvider clock) : PageModel
{
    public IReadOnlyList<BidView> Bids { get; private set; } = [];
    public DateTimeOffset Now { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Now = clock.GetUtcNow();
        Bids = await reads.MineAsync(await User.GetActorAsync(db, ct), ct);
    }
}
