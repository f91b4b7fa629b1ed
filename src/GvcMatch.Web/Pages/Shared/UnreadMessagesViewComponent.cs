using GvcMatch.Web.Data;
using GvcMatch.Web.Features.Conversations;
using GvcMatch.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace GvcMatch.Web.Pages.Shared;

/// <summary>
/// The "Messages" link with the person's unread count (conversations in view, as the hub's
/// Unread events count it), rendered on the server so it is right before any script runs;
/// js/hub.js then keeps it current.
/// </summary>
public sealed class UnreadMessagesViewComponent(AppDbContext db) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(Actor actor) =>
        View((await UnreadCounts.ForUserAsync(db, actor.UserId, HttpContext.RequestAborted)).Total);
}
