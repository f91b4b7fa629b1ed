using GvcMatch.Web.Data;
using GvcMatch.Web.Features.Requirements;
using GvcMatch.Web.Infrastructure;
using GvcMatch.Web.Pages.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GvcMatch.Web.Pages.Requirements;

/// <summary>Published (and closed, awarded, cancelled) requirements of every buyer, for signed-in users.</summary>
[Authorize]
public sealed class IndexModel(AppDbContext db, Features.ReferenceData.ReferenceData reference) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public RequirementStatus? Status { get; set; }
    [BindProperty(SupportsGet = true)] public string? Isic { get; set; }
    [BindProperty(SupportsGet = true)] public string? Hs { get; set; }
    [BindProperty(SupportsGet = true)] public string? Country { get; set; }
    [BindProperty(SupportsGet = true, Name = "page")] public int PageNumber { get; set; } = 1;

    public Features.ReferenceData.ReferenceData Reference => reference;
    public Paged<RequirementCard> Results { get; private set; } = new([], 0, 1, 20);
    public PagerModel Pager => new(Results.Page, Results.Pages, Request.Query);

    public async Task OnGetAsync(CancellationToken ct)
    {
        var actor = await User.GetActorAsync(db, ct);
        // Drafts never appear here, whoever asks: the owner manages them under Account/Requirements.
        var status = Status == RequirementStatus.Draft ? null : Status;
        var filter = new RequirementFilter { Q = Q, Status = status, Isic = Isic, Hs = Hs, Country = Country, Page = Math.Clamp(PageNumber, 1, 100_000) };
        Results = await RequirementQueries.BrowseAsync(db, filter, actor?.OrganizationId, ct);
    }
}
