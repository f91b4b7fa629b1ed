using GvcMatch.Web.Data;
using GvcMatch.Web.Infrastructure;
using GvcMatch.Web.Pages.Conversations;
using Microsoft.AspNetCore.Mvc;

namespace GvcMatch.Web.Pages.Shared;

/// <summary>
/// The "Messages" link with the person's unread count, rendered on the server so it is right
/// before any script runs; js/hub.js then keeps it current from the hub's Unread events.
/// </summary>
public sealed class UnreadMessagesViewComponent(AppDbContext db) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(Actor actor) =>
        View(await ConversationReads.UnreadTotalAsync(db, actor, HttpContext.RequestAborted));
}
