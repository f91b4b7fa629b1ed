using GvcMatch.Web.Data;
using GvcMatch.Web.Features.Conversations;
using GvcMatch.Web.Hubs;
using GvcMatch.Web.Infrastructure;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;

namespace GvcMatch.Web.Pages.Conversations;

/// <summary>Stored messages as the pages show them, and the no-script send.</summary>
public static class ConversationMessages
{
    public static async Task<IReadOnlyList<MessageDto>> ToDtosAsync(AppDbContext db, IReadOnlyList<Message> rows, CancellationToken ct)
    {
        var senderIds = rows.Where(m => m.SenderUserId is not null).Select(m => m.SenderUserId!).Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => senderIds.Contains(u.Id))
            .Select(u => new { u.Id, Name = u.DisplayName ?? (u.Organization == null ? null : u.Organization.Name) })
            .ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        return rows.Select(m => MessageDto.From(m, m.SenderUserId is null ? null : names.GetValueOrDefault(m.SenderUserId))).ToList();
    }

    /// <summary>Persist, then broadcast to the current members; a retried form post stores and broadcasts nothing new.</summary>
    public static async Task<MessageDto> SendTextAsync(AppDbContext db, ConversationStore store, IHubContext<NegotiationHub, INegotiationClient> hub,
        long conversationId, Actor actor, string clientMessageId, string body, CancellationToken ct)
    {
        var name = await db.Users.Where(u => u.Id == actor.UserId)
            .Select(u => u.DisplayName ?? (u.Organization == null ? null : u.Organization.Name)).FirstOrDefaultAsync(ct);
        var appended = await store.AppendAsync(conversationId, new Sender(actor.UserId, actor.OrganizationId!.Value, name),
            new NewMessage(MessageKind.Text, body, clientMessageId), ct);
        if (appended.Created)
            await hub.Clients.Users(await store.RecipientsAsync(conversationId, ct)).MessageReceived(appended.Message);
        return appended.Message;
    }
}
