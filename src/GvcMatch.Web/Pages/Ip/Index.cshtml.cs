using GvcMatch.Web.Data;
using GvcMatch.Web.Features.IpListings;
using GvcMatch.Web.Infrastructure;
using GvcMatch.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GvcMatch.Web.Pages.Ip;

/// <summary>The public IP marketplace: published listings only.</summary>
public sealed class IndexModel(AppDbContext db, Features.ReferenceData.ReferenceData reference) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public IpKind? Kind { get; set; }
    [BindProperty(SupportsGet = true)] public string? Ipc { get; set; }
    [BindProperty(SupportsGet = true)] public IpOfferType? OfferType { get; set; }
    [BindProperty(SupportsGet = true)] public string? Country { get; set; }
    [BindProperty(SupportsGet = true, Name = "page")] public int PageNumber { get; set; } = 1;

    public Features.ReferenceData.ReferenceData Reference => reference;
    public Paged<IpListingCard> Results { get; private set; } = new([], 0, 1, 20);
    public PagerModel Pager => new(Results.Page, Results.Pages, Request.Query);

    public async Task OnGetAsync(CancellationToken ct)
    {
        var filter = new IpListingFilter { Q = Q, Kind = Kind, Ipc = Ipc, OfferType = OfferType, Country = Country, Page = Math.Clamp(PageNumber, 1, 100_000) };
        Results = await IpListingQueries.BrowseAsync(db, filter, null, ct);
    }
}
