using GvcMatch.Web.Data;
using GvcMatch.Web.Features.Dependency;
using GvcMatch.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GvcMatch.Web.Pages.Account;

/// <summary>The SME's declared revenue shares: the form the dashboard shows, and where it posts (errors are shown here, beside their row).</summary>
public sealed class RevenueSharesModel(AppDbContext db, Features.ReferenceData.ReferenceData reference, TimeProvider clock) : PageModel
{
    /// <summary>Empty rows offered below the declared ones for new customers.</summary>
    public const int BlankRows = 3;

    [BindProperty] public List<DeclaredShareInput> Rows { get; set; } = [];
    public IDictionary<string, string[]> Errors { get; private set; } = new Dictionary<string, string[]>();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var actor = await User.GetActorAsync(db, ct);
        if (actor?.OrganizationId is not { } orgId || DeclaredSharesApi.Refusal(actor, orgId) is not null) return Forbid();
        Rows = await FormRowsAsync(db, orgId, clock, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var actor = await User.GetActorAsync(db, ct);
        if (actor?.OrganizationId is not { } orgId || DeclaredSharesApi.Refusal(actor, orgId) is not null) return Forbid();
        // Blank rows are the form's spare lines; errors name the row as the form numbers it.
        var filled = Rows.Select((r, i) => (Row: r, Index: i)).Where(x => !IsBlank(x.Row)).ToList();
        var input = new DeclaredSharesInput { Customers = filled.Select(x => (DeclaredShareInput?)x.Row).ToList() };
        var errors = await input.ValidateAsync(db, reference, orgId, clock.GetUtcNow().Year, ct);
        foreach (var (field, messages) in ModelState.Where(e => e.Value?.Errors.Count > 0))
            errors.Add(field, string.Join(" ", messages!.Errors.Select(e => e.ErrorMessage)));
        if (errors.Any)
        {
            Errors = errors.ToDictionary().ToDictionary(e => FormField(e.Key, filled.Select(x => x.Index).ToList()), e => e.Value);
            return Page();
        }
        await DeclaredSharesApi.SaveAsync(db, orgId, input, clock.GetUtcNow(), ct);
        return Redirect("/Account/Dashboard#revenue-shares");
    }

    public static async Task<List<DeclaredShareInput>> FormRowsAsync(AppDbContext db, int orgId, TimeProvider clock, CancellationToken ct)
    {
        var declared = await DeclaredSharesApi.ReadAsync(db, orgId, ct);
        var year = clock.GetUtcNow().Year - 1;
        return [.. declared.Select(d => new DeclaredShareInput
        {
            CustomerName = d.CustomerName, CustomerOrganizationId = d.CustomerOrganizationId, Year = d.Year,
            SharePercent = d.SharePercent, Amount = d.Amount, Currency = d.Currency,
        }), .. Enumerable.Range(0, BlankRows).Select(_ => new DeclaredShareInput { Year = year })];
    }

    private static bool IsBlank(DeclaredShareInput r) =>
        string.IsNullOrWhiteSpace(r.CustomerName) && r.CustomerOrganizationId is null && r.SharePercent is null && r.Amount is null;

    /// <summary>"customers[1].amount" of the filled rows back to the form's own row number.</summary>
    private static string FormField(string field, IReadOnlyList<int> formIndex)
    {
        var m = System.Text.RegularExpressions.Regex.Match(field, @"^customers\[(\d+)\](.*)$");
        return m.Success && int.Parse(m.Groups[1].Value) < formIndex.Count ? $"rows[{formIndex[int.Parse(m.Groups[1].Value)]}]{m.Groups[2].Value}" : field;
    }
}
