using GvcMatch.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace GvcMatch.Web.Features.Conversations;

/// <summary>
/// Which parties of a conversation are on one side. Usually each organisation is a side of its own;
/// in a consortium's conversation every party but the buyer is the consortium's side, so one
/// member cannot accept or counter another member's offer as if it were the other party.
/// </summary>
public static class ConversationSides
{
    public static async Task<bool> SameSideAsync(AppDbContext db, long conversationId, int a, int? b, CancellationToken ct)
    {
        if (b is not { } other) return false;
        if (a == other) return true;
        var buyer = await (from c in db.Set<Conversation>()
                           where c.Id == conversationId && c.ConsortiumId != null
                           join r in db.Requirements on c.AboutId equals r.Id
                           select (int?)r.OrganizationId).FirstOrDefaultAsync(ct);
        return buyer is { } buyerId && a != buyerId && other != buyerId;
    }
}
