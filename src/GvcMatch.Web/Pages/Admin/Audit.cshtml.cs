using GvcMatch.Web.Data;
using GvcMatch.Web.Features.Audit;
using GvcMatch.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GvcMatch.Web.Pages.Admin;

/// <summary>The audit trail for platform admins: the same list and filters as <c>GET /api/admin/audit</c>.</summary>
public sealed class AuditModel(AppDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Action { get; set; }
    [BindProperty(SupportsGet = true)] public string? Actor { get; set; }
    [BindProperty(SupportsGet = true)] public int? OrganizationId { get; set; }
    [BindProperty(SupportsGet = true, Name = "page")] public int? PageNumber { get; set; }

    public Paged<AuditEntryDto>? Entries { get; private set; }
    public string? Denied { get; private set; }
    public IDictionary<string, string[]>? Errors { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await User.GetActorAsync(db, ct) is not { IsPlatformAdmin: true })
        {
            Denied = AuditApi.AdminsOnly;
            Response.StatusCode = StatusCodes.Status403Forbidden;
            return Page();
        }
        var filter = new AuditFilter
        {
            Action = string.IsNullOrWhiteSpace(Action) ? null : Action,
            Actor = string.IsNullOrWhiteSpace(Actor) ? null : Actor,
            OrganizationId = OrganizationId,
            Page = PageNumber,
            PageSize = 50,
        };
        var errors = new Errors();
        filter.Validate(errors);
        if (errors.Any)
        {
            Errors = errors.ToDictionary();
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        Entries = await AuditQuery.ListAsync(db, filter, ct);
        return Page();
    }
}
