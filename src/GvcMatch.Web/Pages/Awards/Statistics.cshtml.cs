using GvcMatch.Web.Data;
using GvcMatch.Web.Features.Awards;
using GvcMatch.Web.Features.Organizations;
using GvcMatch.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GvcMatch.Web.Pages.Awards;

/// <summary>Outcome statistics per buyer, as bars, for admins and intermediaries (the same figures as GET /api/statistics/outcomes).</summary>
[Authorize]
public sealed class StatisticsModel(AppDbContext db, TimeProvider clock, Microsoft.Extensions.Options.IOptions<ExchangeRatesOptions> rates) : PageModel
{
    public OutcomeStatisticsDto Statistics { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int? buyer, CancellationToken ct)
    {
        var actor = await User.GetActorAsync(db, ct);
        if (actor is null || !(actor.IsPlatformAdmin || actor.OrganizationKind == OrganizationKind.Intermediary)) return Forbid();
        Statistics = await OutcomeStatistics.ComputeAsync(db, buyer is > 0 ? buyer : null, clock.GetUtcNow(), rates.Value, ct);
        return Page();
    }
}
