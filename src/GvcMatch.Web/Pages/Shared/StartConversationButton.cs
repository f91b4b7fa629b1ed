using GvcMatch.Web.Features.Conversations;

namespace GvcMatch.Web.Pages.Shared;

/// <summary>A one-click "start a conversation" form; it opens the existing conversation when there is one.</summary>
public sealed record StartConversationButton(ConversationTopic Topic, int? AboutId, int? OrganizationId, string Label, string CssClass = "btn btn-sm btn-outline-primary");
