using GvcMatch.Web.Data;
using GvcMatch.Web.Features;
using GvcMatch.Web.Features.IpListings;
using GvcMatch.Web.Features.Profiles;
using GvcMatch.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace GvcMatch.Web.Pages.Ip;

/// <summary>One IP listing: published for everyone, a draft only for its own organisation.</summary>
public sealed class DetailsModel(AppDbContext db, Features.ReferenceData.ReferenceData reference, IpMatching matching) : PageModel
{
    public IpListing Listing { get; private set; } = null!;
    public bool IsMember { get; private set; }
    public bool SignedInWithOrganization { get; private set; }
    public Features.ReferenceData.ReferenceData Reference => reference;

    /// <summary>For the SME's own members: open requirements the listing could serve.</summary>
    public IReadOnlyList<IpMatchDto>? Matches { get; private set; }

    /// <summary>For the SME's own members: published road-map items (those the SME may see) the listing could serve.</summary>
    public IReadOnlyList<IpMatchDto>? RoadmapMatches { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var listing = await db.IpListings.AsNoTracking().Include(i => i.Organization).FirstOrDefaultAsync(i => i.Id == id, ct);
        if (listing is null) return NotFound();
        var actor = await User.GetActorAsync(db, ct);
        IsMember = Access.IsMember(actor, listing.OrganizationId);
        SignedInWithOrganization = actor?.OrganizationId is not null;
        if (listing.Status != PublicationStatus.Published && !IsMember) return NotFound();
        Listing = listing;
        if (IsMember)
        {
            Matches = await matching.RequirementsForAsync(listing, 10, ct);
            RoadmapMatches = await matching.RoadmapItemsForAsync(listing, 10, ct);
        }
        return Page();
    }
}
