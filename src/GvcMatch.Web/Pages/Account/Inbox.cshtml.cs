using System.Security.Claims;
using GvcMatch.Web.Data;
using GvcMatch.Web.Features.Notifications;
using GvcMatch.Web.Features.SavedSearches;
using GvcMatch.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace GvcMatch.Web.Pages.Account;

/// <summary>The person's notifications and saved searches.</summary>
public sealed class InboxModel(AppDbContext db, TimeProvider clock, SavedSearchService searches) : PageModel
{
    public List<Notification> Notifications { get; private set; } = [];
    public List<SavedSearch> SavedSearches { get; private set; } = [];

    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier)!;

    public async Task OnGetAsync(CancellationToken ct)
    {
        Notifications = await db.Notifications.AsNoTracking().Where(n => n.UserId == UserId).OrderByDescending(n => n.Id).Take(100).ToListAsync(ct);
        SavedSearches = await db.SavedSearches.AsNoTracking().Where(s => s.UserId == UserId).OrderBy(s => s.Name).ToListAsync(ct);
    }

    public async Task<IActionResult> OnPostReadAllAsync(CancellationToken ct)
    {
        await db.Notifications.Where(n => n.UserId == UserId && n.ReadAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, clock.GetUtcNow()), ct);
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostForgetAsync(int id, CancellationToken ct)
    {
        await searches.DeleteAsync(await User.GetActorAsync(db, ct), id, IfMatch.None, ct);
        return RedirectToPage();
    }

    public static string SearchLink(SavedSearch s) => s.Kind switch
    {
        GvcMatch.Search.DocumentKind.Supplier => $"/Search/suppliers?{s.Query}",
        GvcMatch.Search.DocumentKind.IpListing => $"/Search/ip?{s.Query}",
        _ => $"/Search/requirements?{s.Query}",
    };
}
