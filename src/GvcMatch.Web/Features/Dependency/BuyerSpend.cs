using GvcMatch.Web.Data;
using GvcMatch.Web.Features.Conversations;
using GvcMatch.Web.Features.Offers;
using Microsoft.EntityFrameworkCore;

namespace GvcMatch.Web.Features.Dependency;

/// <summary>One award or agreement of a buyer with a supplier: its value, currency, categories and date.</summary>
public sealed record SpendLine(int Supplier, decimal Value, string Currency, IReadOnlyList<string> Categories, DateTimeOffset At, bool Agreed);

/// <summary>
/// What a buyer spends with its suppliers: the awarded bids' prices and the accepted offers' value
/// (price × quantity) in its conversations. An agreement is put in the categories of the requirement
/// its conversation is about, or else of the supplier's profile (the work it does).
/// </summary>
public static class BuyerSpend
{
    public static async Task<List<SpendLine>> ReadAsync(AppDbContext db, int buyer, CancellationToken ct)
    {
        var awards = await (from a in db.Awards
                            join b in db.Bids on a.BidId equals b.Id
                            join r in db.Requirements on a.RequirementId equals r.Id
                            where r.OrganizationId == buyer
                            select new { Supplier = b.OrganizationId, Value = b.Price ?? 0m, Currency = b.Currency ?? "", r.IsicCodes, a.AwardedAt, a.RequirementId })
            .AsNoTracking().ToListAsync(ct);
        var offers = await (from o in db.Set<Offer>()
                            where o.State == OfferState.Accepted
                                && db.Set<ConversationParty>().Any(p => p.ConversationId == o.ConversationId && p.OrganizationId == buyer)
                            join c in db.Set<Conversation>() on o.ConversationId equals c.Id
                            select new { o.ConversationId, o.Price, o.Quantity, o.Currency, o.DecidedAt, o.CreatedAt, c.Topic, c.AboutId }).AsNoTracking().ToListAsync(ct);
        var conversationIds = offers.Select(o => o.ConversationId).Distinct().ToList();
        var parties = (await db.Set<ConversationParty>().AsNoTracking()
                .Where(p => conversationIds.Contains(p.ConversationId) && p.OrganizationId != buyer)
                .Select(p => new { p.ConversationId, p.OrganizationId }).ToListAsync(ct))
            .ToLookup(p => p.ConversationId, p => p.OrganizationId);
        var aboutIds = offers.Where(o => o.Topic is ConversationTopic.Requirement or ConversationTopic.Match && o.AboutId is not null)
            .Select(o => o.AboutId!.Value).Distinct().ToList();
        var aboutCodes = await db.Requirements.AsNoTracking().Where(r => aboutIds.Contains(r.Id) && r.OrganizationId == buyer)
            .ToDictionaryAsync(r => r.Id, r => r.IsicCodes, ct);
        var supplierIds = parties.SelectMany(p => p).Distinct().ToList();
        var profileCodes = await db.Profiles.AsNoTracking().Where(p => supplierIds.Contains(p.OrganizationId))
            .ToDictionaryAsync(p => p.OrganizationId, p => p.IsicCodes, ct);
        var awarded = awards.Select(a => (a.Supplier, a.RequirementId)).ToHashSet();

        var lines = awards.Select(a => new SpendLine(a.Supplier, a.Value, a.Currency, a.IsicCodes, a.AwardedAt, Agreed: false)).ToList();
        foreach (var o in offers)
        {
            var sides = parties[o.ConversationId].ToList();
            if (sides.Count == 0) continue;
            var about = o.AboutId is { } id && aboutCodes.ContainsKey(id) ? id : (int?)null;
            // A consortium's agreement is shared by its members in equal parts: the conversation does not record their shares.
            var each = o.Price * o.Quantity / sides.Count;
            foreach (var supplier in sides)
            {
                // The award on the same requirement already counts this work: the offer was how it was negotiated.
                if (about is { } r && awarded.Contains((supplier, r))) continue;
                var codes = about is { } req ? aboutCodes[req] : profileCodes.GetValueOrDefault(supplier) ?? [];
                lines.Add(new SpendLine(supplier, each, o.Currency, codes, o.DecidedAt ?? o.CreatedAt, Agreed: true));
            }
        }
        return lines;
    }
}
