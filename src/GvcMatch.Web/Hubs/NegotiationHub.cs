using GvcMatch.Web.Data;
using GvcMatch.Web.Features.Conversations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace GvcMatch.Web.Hubs;

/// <summary>
/// The real-time channel for conversations, offers and notifications. Every method checks that
/// the caller's organisation is a party of the conversation it names; events go to the current
/// members of the party organisations (by user id), so revoking a membership stops delivery.
/// Services come in as method parameters (one hub instance serves one call), so the partial
/// parts of the hub need no shared constructor.
/// </summary>
[Authorize]
public sealed partial class NegotiationHub : Hub<INegotiationClient>
{
    public const string Path = "/hubs/negotiation";

    /// <summary>The caller as a participant, read fresh from the database on every call; otherwise not_found.</summary>
    private async Task<Participant> ParticipantAsync(long conversationId, AppDbContext db) =>
        await ConversationQueries.ParticipantAsync(Context.User!, conversationId, db, Context.ConnectionAborted)
        ?? throw HubErrors.ConversationNotFound(conversationId);

    /// <summary>Echoes the payload: clients measure round trips and keep idle proxies from closing the socket.</summary>
    public string Ping(string payload)
    {
        if (payload is null || payload.Length > 1024) throw HubErrors.Error(HubErrors.Invalid, "payload: 0 to 1024 characters.");
        return payload;
    }
}
