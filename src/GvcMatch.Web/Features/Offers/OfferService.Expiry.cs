using GvcMatch.Web.Features.Conversations;
using GvcMatch.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GvcMatch.Web.Features.Offers;

public sealed partial class OfferService
{
    private const int ExpiryBatch = 200;

    /// <summary>
    /// Expires every open offer whose validity date has passed and announces each one; returns
    /// how many this call expired. Safe to run on several instances at once: the guarded update
    /// lets exactly one of them expire (and announce) a given offer.
    /// </summary>
    public async Task<int> ExpireDueAsync(CancellationToken ct = default)
    {
        var expired = 0;
        long after = 0;
        while (true)
        {
            var today = clock.Today();
            var due = await db.Set<Offer>().AsNoTracking()
                .Where(o => o.State == OfferState.Proposed && o.ValidUntil < today && o.Id > after)
                .OrderBy(o => o.Id).Select(o => o.Id).Take(ExpiryBatch).ToListAsync(ct);
            foreach (var id in due)
                if (await ExpireAsync(id, ct)) expired++;
            if (due.Count < ExpiryBatch) return expired;
            after = due[^1];
        }
    }

    /// <summary>Marks one open, out-of-date offer Expired with a system message; false when it was not (or no longer) due.</summary>
    public async Task<bool> ExpireAsync(long offerId, CancellationToken ct)
    {
        var today = clock.Today();
        Offer offer;
        MessageDto message;
        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            var changed = await db.Set<Offer>()
                .Where(o => o.Id == offerId && o.State == OfferState.Proposed && o.ValidUntil < today)
                .ExecuteUpdateAsync(s => s.SetProperty(o => o.State, OfferState.Expired).SetProperty(o => o.DecidedAt, clock.GetUtcNow()), ct);
            if (changed == 0)
            {
                await tx.RollbackAsync(ct);
                return false;
            }
            offer = await db.Set<Offer>().AsNoTracking().FirstAsync(o => o.Id == offerId, ct);
            message = await AppendAsync(offer, sender: null, OfferSummary.Expired(offer), ct);
            await tx.CommitAsync(ct);
        }
        // Both sides hear of it: the proposer's offer lapsed, the receiver can no longer accept it.
        await announcer.AnnounceAsync(message, [OfferDto.From(offer)], exceptOrganizationId: null, "An offer expired");
        return true;
    }
}
