using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace GvcMatch.Web.Hubs;

/// <summary>
/// The real-time channel for conversations, offers and notifications. Every method checks that
/// the caller's organisation is a party of the conversation it names; events go to the current
/// members of the party organisations (by user id), so revoking a membership stops delivery.
/// </summary>
[Authorize]
public sealed partial class NegotiationHub : Hub<INegotiationClient>
{
    public const string Path = "/hubs/negotiation";
}
