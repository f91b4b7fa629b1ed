using GvcMatch.Web.Data;
using GvcMatch.Web.Features.Organizations;
using GvcMatch.Web.Features.Profiles;
using GvcMatch.Web.Infrastructure;
using GvcMatch.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GvcMatch.Web.Pages.Suppliers;

/// <summary>Published supplier profiles, open to visitors so SMEs are visible to any buyer.</summary>
public sealed class IndexModel(AppDbContext db, Features.ReferenceData.ReferenceData reference, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? Country { get; set; }
    [BindProperty(SupportsGet = true)] public string? Isic { get; set; }
    [BindProperty(SupportsGet = true)] public string? Hs { get; set; }
    [BindProperty(SupportsGet = true)] public string? Certification { get; set; }
    [BindProperty(SupportsGet = true)] public SizeBand? SizeBand { get; set; }
    [BindProperty(SupportsGet = true)] public bool? Verified { get; set; }
    [BindProperty(SupportsGet = true, Name = "page")] public int PageNumber { get; set; } = 1;

    public Features.ReferenceData.ReferenceData Reference => reference;
    public Paged<SupplierCard> Results { get; private set; } = new([], 0, 1, 20);

    public async Task OnGetAsync(CancellationToken ct)
    {
        var filter = new SupplierFilter
        {
            Q = Q, Country = Country, Isic = Isic, Hs = Hs, Certification = Certification, SizeBand = SizeBand,
            Verified = Verified == true ? true : null, Page = Math.Clamp(PageNumber, 1, 100_000), PageSize = 20,
        };
        Results = await SupplierQueries.BrowseAsync(db, filter, clock.Today(), ct);
    }

    public PagerModel Pager => new(Results.Page, Results.Pages, Request.Query);
}
