using GvcMatch.Web.Data;
using GvcMatch.Web.Features.Conversations;
using GvcMatch.Web.Infrastructure;
using GvcMatch.Web.Pages.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GvcMatch.Web.Pages.Conversations;

/// <summary>The person's conversations: unread counts, the last word, their own archive; and the one-click start.</summary>
[Authorize]
public sealed class IndexModel(AppDbContext db, ConversationMessaging messaging, ConversationStore store, TimeProvider clock) : PageModel
{
    public const int PageSize = 20;

    public Paged<ConversationRow> Conversations { get; private set; } = new([], 0, 1, PageSize);
    public bool Archived { get; private set; }
    public bool HasOrganization { get; private set; }

    /// <summary>Why the last start button did not open a conversation.</summary>
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

    /// <summary>
    /// The start buttons on the match list, requirement, IP listing and supplier pages post here.
    /// Same rules and the same idempotent pair key as POST /api/conversations: a second click opens
    /// the conversation the first one made.
    /// </summary>
    public async Task<IActionResult> OnPostStartAsync(ConversationTopic? topic, int? aboutId, int? organizationId, CancellationToken ct)
    {
        var actor = await User.GetActorAsync(db, ct);
        if (actor is null) return Challenge();
        var (plan, refusal) = await ConversationStarter.PlanAsync(db, actor, new StartConversationRequest(topic, aboutId, organizationId), ct);
        if (refusal is not null)
        {
            Error = refusal.Detail;
            return RedirectToPage();
        }
        var (id, _) = await ConversationStarter.OpenAsync(db, messaging, store, actor, plan!, clock, ct);
        return Redirect($"/Conversations/{id}");
    }

    /// <summary>Archiving is per person: the other side and colleagues keep the conversation in their list.</summary>
    public Task<IActionResult> OnPostArchiveAsync(long id, CancellationToken ct) => SetArchivedAsync(id, true, ct);

    public Task<IActionResult> OnPostUnarchiveAsync(long id, CancellationToken ct) => SetArchivedAsync(id, false, ct);

    private async Task<IActionResult> SetArchivedAsync(long id, bool archive, CancellationToken ct)
    {
        var who = await ConversationQueries.ParticipantAsync(User, id, db, ct);
        if (who is null) return NotFound();
        // A state transition from a button: no version, as for the other transitions.
        await messaging.SetArchivedAsync(who, archive, IfMatch.None, ct);
        // Back to the tab the button was on.
        return RedirectToPage(new { archived = archive ? (bool?)null : true });
    }
}
