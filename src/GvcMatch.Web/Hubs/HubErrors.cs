using Microsoft.AspNetCore.SignalR;

namespace GvcMatch.Web.Hubs;

/// <summary>
/// Hub errors reach the client as a HubException message "&lt;code&gt;: &lt;detail&gt;". The codes
/// are the protocol (docs/negotiation-protocol.md); the detail is for people. An error never closes
/// the connection.
/// </summary>
public static class HubErrors
{
    public const string Invalid = "invalid";
    public const string NotFound = "not_found";
    public const string Forbidden = "forbidden";
    public const string Conflict = "conflict";
    public const string RateLimited = "rate_limited";

    /// <summary>A moment's outage (the database restarting): nothing was stored or lost; retry the call.</summary>
    public const string Unavailable = "unavailable";

    public static HubException Error(string code, string detail) => new($"{code}: {detail}");

    /// <summary>The same answer whether the conversation does not exist or the caller is not a party.</summary>
    public static HubException ConversationNotFound(long id) => Error(NotFound, $"conversation {id} was not found.");
}
