using GvcMatch.Search;
using GvcMatch.Web.Data;
using GvcMatch.Web.Features.Audit;
using GvcMatch.Web.Features.Embeddings;
using GvcMatch.Web.Features.Search;
using GvcMatch.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GvcMatch.Web.Pages.Admin;

/// <summary>
/// The search index for platform admins: what <c>GET /api/admin/search/status</c> reports, and a
/// button that starts the rebuild; search-admin.js polls the status while it runs.
/// </summary>
public sealed class SearchModel(AppDbContext db, ISearchIndex index, SearchRebuild rebuild, EmbeddingCache embeddings,
    EmbeddingBackfill backfill, PhraseVectors phrases, AuditTrail audit) : PageModel
{
    public SearchStatusDto? Status { get; private set; }
    public bool Denied { get; private set; }
    public bool AlreadyRunning { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await AllowedAsync(ct)) return Page();
        AlreadyRunning = TempData["AlreadyRunning"] is true;
        Status = await SearchAdminApi.ReadStatusAsync(index, rebuild, embeddings, backfill, phrases, db, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRebuildAsync(CancellationToken ct)
    {
        if (!await AllowedAsync(ct)) return Page();
        TempData["AlreadyRunning"] = !await SearchAdminApi.StartRebuildAsync(rebuild, User, audit, db, ct);
        return RedirectToPage();
    }

    /// <summary>Anyone else gets a 403 page saying why, with the status an API client would get.</summary>
    private async Task<bool> AllowedAsync(CancellationToken ct)
    {
        if (await User.GetActorAsync(db, ct) is { IsPlatformAdmin: true }) return true;
        Denied = true;
        Response.StatusCode = StatusCodes.Status403Forbidden;
        return false;
    }
}
