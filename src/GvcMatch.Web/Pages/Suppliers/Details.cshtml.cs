using GvcMatch.Web.Data;
using GvcMatch.Web.Features;
using GvcMatch.Web.Features.IpListings;
using GvcMatch.Web.Features.Organizations;
using GvcMatch.Web.Features.Profiles;
using GvcMatch.Web.Infrastructure;
using GvcMatch.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace GvcMatch.Web.Pages.Suppliers;

/// <summary>A supplier's public page; a draft profile is shown only to its own organisation.</summary>
public sealed class DetailsModel(AppDbContext db, Features.ReferenceData.ReferenceData reference, Features.Certificates.CertificateDocuments documents, TimeProvider clock,
    Features.Dashboards.CounterRecorder counters) : PageModel
{
    public Organization Organization { get; private set; } = null!;
    public CapabilityProfile Profile { get; private set; } = null!;
    public IReadOnlyList<IpListing> IpListings { get; private set; } = [];
    public bool IsMember { get; private set; }
    public bool SignedInWithOrganization { get; private set; }

    /// <summary>Whether the viewer may open the certificates' documents (the SME, admins, checkers, buyers while published).</summary>
    public bool MayReadDocuments { get; private set; }
    public DateOnly Today { get; private set; }
    public Features.ReferenceData.ReferenceData Reference => reference;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var profile = await db.Profiles.AsNoTracking().Include(p => p.Organization).Include(p => p.Certifications).Include(p => p.Organization.Disclosures)
            .FirstOrDefaultAsync(p => p.OrganizationId == id, ct);
        if (profile is null || profile.Organization.Kind != OrganizationKind.Sme) return NotFound();

        var actor = await User.GetActorAsync(db, ct);
        IsMember = Access.IsMember(actor, id);
        SignedInWithOrganization = actor?.OrganizationId is not null;
        if (profile.Status != PublicationStatus.Published && !IsMember) return NotFound();

        Profile = profile;
        // A view for the SME's dashboard: other organisations' signed-in members only, never its own.
        counters.RecordProfileView(id, actor?.OrganizationId);
        Organization = profile.Organization;
        Today = clock.Today();
        MayReadDocuments = actor is not null && await documents.MayReadAsync(actor, Organization, profile.Status == PublicationStatus.Published, ct);
        IpListings = await db.IpListings.AsNoTracking()
            .Where(i => i.OrganizationId == id && i.Status == PublicationStatus.Published)
            .OrderBy(i => i.Title).ToListAsync(ct);
        return Page();
    }

    public string CountryName(string code) => reference.NameOf("countries", code) ?? code;
}
