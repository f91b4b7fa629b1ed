using GvcMatch.Web.Data;
using GvcMatch.Web.Features.Conversations;
using GvcMatch.Web.Features.Notifications;
using GvcMatch.Web.Hubs;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;

namespace GvcMatch.Web.Features.Offers;

/// <summary>
/// Tells the parties about an offer change that is already stored: MessageReceived and
/// OfferUpdated to every current member of the party organisations, and an inbox entry for the
/// members of the other side.
/// </summary>
public sealed class OfferAnnouncer(
    AppDbContext db, ConversationStore store, Notifier notifier, IHubContext<NegotiationHub, INegotiationClient> hub, ILogger<OfferAnnouncer> logger)
{
    /// <param name="exceptOrganizationId">The acting organisation, whose members are not notified; null notifies both sides.</param>
    public async Task AnnounceAsync(MessageDto message, IReadOnlyList<OfferDto> offers, int? exceptOrganizationId, string title)
    {
        // The change is committed. A caller that went away must not stop the others hearing of
        // it, and a failed push must not report a stored decision as failed (clients catch up by
        // sequence number on their next join), so nothing here is cancelled or rethrown.
        var ct = CancellationToken.None;
        try
        {
            var recipients = await store.RecipientsAsync(message.ConversationId, ct);
            var clients = hub.Clients.Users(recipients);
            await clients.MessageReceived(message);
            foreach (var offer in offers) await clients.OfferUpdated(offer);

            var others = await db.Users.AsNoTracking()
                .Where(u => u.OrganizationId != null && u.OrganizationId != exceptOrganizationId
                    && db.Set<ConversationParty>().Any(p => p.ConversationId == message.ConversationId && p.OrganizationId == u.OrganizationId))
                .Select(u => u.Id).ToListAsync(ct);
            await notifier.NotifyAsync(others, NotificationKinds.Offer, title, message.Body, $"/Conversations/{message.ConversationId}", ct);
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Offer change in conversation {ConversationId} (seq {Seq}) stored but not fully announced",
                message.ConversationId, message.Seq);
        }
    }
}
