using GvcMatch.Web.Data;
using GvcMatch.Web.Features.DevelopmentProgrammes;
using GvcMatch.Web.Features.IpListings;
using GvcMatch.Web.Features.Organizations;
using GvcMatch.Web.Features.Profiles;
using GvcMatch.Web.Features.Requirements;
using GvcMatch.Web.Infrastructure;
using GvcMatch.Web.Pages.Programmes;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace GvcMatch.Web.Pages.Account;

/// <summary>The signed-in user's starting point: their organisation and what it has on the marketplace.</summary>
public sealed class DashboardModel(AppDbContext db, ProgrammeService programmes, TimeProvider clock) : PageModel
{
    public Actor? Actor { get; private set; }
    public Organization? Organization { get; private set; }
    public CapabilityProfile? Profile { get; private set; }
    public bool ProfileStale { get; private set; }
    public IReadOnlyList<IpListingCard> IpListings { get; private set; } = [];
    public IReadOnlyList<RequirementCard> Requirements { get; private set; } = [];
    public int UnverifiedOrganizations { get; private set; }
    public DashboardProgrammes? Programmes { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Actor = await User.GetActorAsync(db, ct);
        if (Actor?.OrganizationId is { } orgId)
        {
            Organization = await db.Organizations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == orgId, ct);
            if (Actor.IsSme)
            {
                Profile = await db.Profiles.AsNoTracking().FirstOrDefaultAsync(p => p.OrganizationId == orgId, ct);
                ProfileStale = Profile?.IsStale(clock.Today()) == true;
                IpListings = (await IpListingQueries.BrowseAsync(db, new IpListingFilter { PageSize = 10 }, orgId, ct)).Items;
                Programmes = new DashboardProgrammes((await programmes.MineAsync(Actor, orgId, ct)).Value ?? [],
                    await RelevantProgrammes.ForAsync(db, programmes, orgId, clock.Today(), ct));
            }
            if (Actor.IsMne)
                Requirements = (await RequirementQueries.BrowseAsync(db, new RequirementFilter { Mine = true, PageSize = PageRequest.MaxPageSize }, orgId, ct)).Items;
        }
        if (Actor?.CanVerify == true) UnverifiedOrganizations = await db.Organizations.CountAsync(o => !o.Verified, ct);
    }
}
