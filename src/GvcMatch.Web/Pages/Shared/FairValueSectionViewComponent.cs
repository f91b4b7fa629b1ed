using GvcMatch.Web.Data;
using GvcMatch.Web.Features.Dependency;
using GvcMatch.Web.Infrastructure;
using GvcMatch.Web.Pages.Account;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace GvcMatch.Web.Pages.Shared;

/// <summary>
/// What the dashboard shows of the fair-value-chain features: for a buyer, its supplier
/// concentration at a glance; for an SME, its declared revenue shares to edit.
/// </summary>
public sealed record FairValueSection(Actor Actor)
{
    public int CategoriesOnOneSupplier { get; init; }
    public int Categories { get; init; }
    public IReadOnlyList<DeclaredShareInput> DeclaredRows { get; init; } = [];
    public int? DeclaredYear { get; init; }
}

/// <summary>The dashboard's fair-value-chain section, one line in Dashboard.cshtml so other sections can grow beside it.</summary>
public sealed class FairValueSectionViewComponent(AppDbContext db, IOptions<DependencyOptions> options, TimeProvider clock) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        var ct = HttpContext.RequestAborted;
        var actor = User is System.Security.Claims.ClaimsPrincipal p ? await p.GetActorAsync(db, ct) : null;
        if (actor is not { OrganizationId: { } orgId }) return Content("");
        var section = new FairValueSection(actor);
        if (actor.IsMne)
        {
            var categories = await SupplierConcentration.ForAsync(db, orgId, options.Value, clock.GetUtcNow(), ct);
            section = section with { CategoriesOnOneSupplier = categories.Count(c => c.DependsOnOneSupplier), Categories = categories.Count };
        }
        if (actor.IsSme)
        {
            var rows = await RevenueSharesModel.FormRowsAsync(db, orgId, clock, ct);
            section = section with { DeclaredRows = rows, DeclaredYear = rows.Count > RevenueSharesModel.BlankRows ? rows.Max(r => r.Year) : null };
        }
        return View(section);
    }
}
