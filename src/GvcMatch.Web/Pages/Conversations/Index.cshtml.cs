using GvcMatch.Web.Data;
using GvcMatch.Web.Features.Conversations;
using GvcMatch.Web.Infrastructure;
using GvcMatch.Web.Pages.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GvcMatch.Web.Pages.Conversations;

/// <summary>The person's conversations: unread counts, the last word, and their own archive.</summary>
[Authorize]
public sealed class IndexModel(AppDbContext db, ConversationStore store, TimeProvider clock) : PageModel
{
    public const int PageSize = 20;

    public Paged<ConversationRow> Conversations { get; private set; } = new([], 0, 1, PageSize);
    public bool Archived { get; private set; }
    public bool HasOrganization { get; private set; }

    [TempData] public string? Error { get; set; }

    public async Task<IActionResult> OnGetAsync(bool archived, int? page, CancellationToken ct)
    {
        var actor = await User.GetActorAsync(db, ct);
        if (actor is null) return Challenge();
        Archived = archived;
        HasOrganization = actor.OrganizationId is not null;
        Conversations = await ConversationReads.ListAsync(db, actor, archived, Math.Clamp(page ?? 1, 1, 100_000), PageSize, ct);
        return Page();
    }

    public PagerModel Pager => new(Conversations.Page, Conversations.Pages, Request.Query);

    /// <summary>Archiving is per person: the other side and colleagues keep the conversation in their list.</summary>
    public Task<IActionResult> OnPostArchiveAsync(long id, CancellationToken ct) => SetArchivedAsync(id, true, ct);

    public Task<IActionResult> OnPostUnarchiveAsync(long id, CancellationToken ct) => SetArchivedAsync(id, false, ct);

    private async Task<IActionResult> SetArchivedAsync(long id, bool archive, CancellationToken ct)
    {
        var actor = await User.GetActorAsync(db, ct);
        if (actor is null || !await store.IsPartyAsync(id, actor.OrganizationId, ct)) return NotFound();
        var state = await db.Set<ConversationUserState>().FindAsync([id, actor.UserId], ct);
        if (state is null) db.Add(state = new ConversationUserState { ConversationId = id, UserId = actor.UserId });
        state.ArchivedAt = archive ? clock.GetUtcNow() : null;
        await db.SaveChangesAsync(ct);
        // Back to the tab the button was on.
        return RedirectToPage(new { archived = archive ? (bool?)null : true });
    }
}
