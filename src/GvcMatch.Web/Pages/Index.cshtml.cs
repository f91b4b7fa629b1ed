using GvcMatch.Web.Data;
using GvcMatch.Web.Features.Profiles;
using GvcMatch.Web.Features.Requirements;
using GvcMatch.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace GvcMatch.Web.Pages;

public sealed class IndexModel(AppDbContext db, TimeProvider clock) : PageModel
{
    public int Suppliers { get; private set; }
    public int Countries { get; private set; }
    public int OpenRequirements { get; private set; }
    public int IpListings { get; private set; }
    public IReadOnlyList<RequirementCard> LatestRequirements { get; private set; } = [];
    public IReadOnlyList<SupplierCard> VerifiedSuppliers { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var published = db.Profiles.Listed(clock.Today());
        Suppliers = await published.CountAsync(ct);
        Countries = await published.Select(p => p.Organization.Country).Distinct().CountAsync(ct);
        OpenRequirements = await db.Requirements.CountAsync(r => r.Status == RequirementStatus.Published, ct);
        IpListings = await db.IpListings.CountAsync(i => i.Status == PublicationStatus.Published, ct);

        var latest = await RequirementQueries.BrowseAsync(db, new RequirementFilter { Status = RequirementStatus.Published, PageSize = 50 }, null, ct);
        LatestRequirements = latest.Items.OrderByDescending(r => r.PublishedAt).Take(6).ToList();
        VerifiedSuppliers = (await SupplierQueries.BrowseAsync(db, new SupplierFilter { Verified = true, PageSize = 6 }, clock.Today(), ct)).Items;
    }
}
