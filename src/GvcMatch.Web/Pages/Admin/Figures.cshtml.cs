using GvcMatch.Web.Data;
using GvcMatch.Web.Features.Dashboards;
using GvcMatch.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GvcMatch.Web.Pages.Admin;

/// <summary>Platform figures per month and awards by country, for platform admins: what <c>GET /api/dashboard/figures</c> returns.</summary>
public sealed class FiguresModel(AppDbContext db, TimeProvider clock) : PageModel
{
    public PlatformFiguresDto? Figures { get; private set; }
    public bool Denied { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (await User.GetActorAsync(db, ct) is not { IsPlatformAdmin: true })
        {
            // Anyone else gets a 403 page saying why, with the status an API client would get.
            Denied = true;
            Response.StatusCode = StatusCodes.Status403Forbidden;
            return;
        }
        Figures = await PlatformFigures.ComputeAsync(db, clock.Today(), ct);
    }
}
