using GvcMatch.Web.Data;
using GvcMatch.Web.Features.Conversations;
using GvcMatch.Web.Features.Offers;
using Microsoft.EntityFrameworkCore;

namespace GvcMatch.Web.Features.Consolidation;

/// <summary>
/// How a buyer pays, from its agreements with agreed payment days (accepted supply offers and
/// awards): the payments the averages rest on are those confirmed paid and those unpaid past their
/// due date, which count as late with the days run so far. Agreements not yet due are left out.
/// </summary>
/// <param name="Payments">How many agreements the averages rest on: <see cref="Paid"/> plus <see cref="OverdueUnpaid"/>.</param>
/// <param name="Late">Paid after the due date, or unpaid past it.</param>
public sealed record PaymentRecordDto(int Payments, int Paid, int OverdueUnpaid, int Late, double? AverageAgreedDays, double? AverageActualDays);

public static class PaymentRecord
{
    public static async Task<PaymentRecordDto> ForAsync(AppDbContext db, int buyerId, DateOnly today, CancellationToken ct)
    {
        var offers = await db.Set<Offer>().AsNoTracking()
            .Where(o => o.State == OfferState.Accepted && o.Kind == OfferKind.Supply
                && db.Set<ConversationParty>().Any(p => p.ConversationId == o.ConversationId && p.OrganizationId == buyerId))
            .Select(o => new { Days = (int?)o.PaymentTermsDays, At = o.DecidedAt ?? o.CreatedAt, o.PaidOn }).ToListAsync(ct);
        var awards = await (from a in db.Awards.AsNoTracking()
                            join r in db.Requirements on a.RequirementId equals r.Id
                            where r.OrganizationId == buyerId && a.PaymentTermsDays != null
                            select new { Days = a.PaymentTermsDays, At = a.AwardedAt, a.PaidOn }).ToListAsync(ct);
        // Dates are compared in memory: the providers store DateTimeOffset differently.
        var counted = offers.Concat(awards)
            .Select(x => PaymentTerms.Describe(x.Days, x.At, x.PaidOn))
            .Where(p => p.PaidOn is not null || p.DueOn < today)
            .Select(p => (Agreed: p.AgreedDays!.Value, Actual: p.ActualDays ?? today.DayNumber - p.AgreedOn.DayNumber, Paid: p.PaidOn is not null,
                Late: p.Late ?? true))
            .ToList();
        return new PaymentRecordDto(counted.Count, counted.Count(p => p.Paid), counted.Count(p => !p.Paid), counted.Count(p => p.Late),
            counted.Count == 0 ? null : Math.Round(counted.Average(p => p.Agreed), 1),
            counted.Count == 0 ? null : Math.Round(counted.Average(p => p.Actual), 1));
    }
}
