using GvcMatch.Web.Data;
using GvcMatch.Web.Features.Dependency;
using GvcMatch.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace GvcMatch.Web.Pages.Account;

/// <summary>A buyer's supplier concentration per category: the figures of the supplier-concentration API, drawn as bars with their numbers.</summary>
public sealed class ConcentrationModel(AppDbContext db, IOptions<DependencyOptions> options, TimeProvider clock) : PageModel
{
    public IReadOnlyList<CategoryConcentrationDto> Categories { get; private set; } = [];
    public DependencyOptions Settings => options.Value;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var actor = await User.GetActorAsync(db, ct);
        // The same rule as the API: a buyer's own members only.
        if (actor is not { IsMne: true, OrganizationId: { } orgId }) return Forbid();
        Categories = await SupplierConcentration.ForAsync(db, orgId, options.Value, clock.GetUtcNow(), ct);
        return Page();
    }

    /// <summary>A share as a CSS width in percent, with the invariant decimal point.</summary>
    public static string Width(double share) => (Math.Clamp(share, 0, 1) * 100).ToString("0.#", System.Globalization.CultureInfo.InvariantCulture) + "%";
}
