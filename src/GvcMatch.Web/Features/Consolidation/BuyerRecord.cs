using GvcMatch.Web.Data;
using GvcMatch.Web.Features.Awards;
using GvcMatch.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace GvcMatch.Web.Features.Consolidation;

/// <summary>Decisions on the buyer's requirements: how many, the share of awards to SMEs (by count) and the median days from publication.</summary>
public sealed record DecisionRecordDto(int RequirementsDecided, int Awards, int AwardsToSmes, double? SmeShareByCount, double? MedianDaysToDecision);

/// <summary>Complaints about the buyer's evaluations: lodged, closed, and closed with the buyer upholding them.</summary>
public sealed record ComplaintRecordDto(int Lodged, int Closed, int Upheld);

/// <summary>
/// A buyer's public record, counts and averages only (no supplier, person or agreement is named):
/// how it pays, how it decides, whether it honours notice periods, and complaints upheld.
/// </summary>
public sealed record BuyerRecordDto(int BuyerId, string BuyerName, PaymentRecordDto Payments, DecisionRecordDto Decisions,
    NoticeRecordDto Notices, ComplaintRecordDto Complaints);

public static class BuyerRecord
{
    public static IEndpointRouteBuilder MapBuyerRecordApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/organizations/{orgId:int}/record", GetAsync).AllowAnonymous().WithTags("Consolidation notices")
            .WithSummary("A buyer's public record: payment days agreed and actual, share awarded to SMEs, time to decision, notice periods honoured, complaints upheld");
        return app;
    }

    private static async Task<Results<Ok<BuyerRecordDto>, ProblemHttpResult>> GetAsync(int orgId, AppDbContext db, TimeProvider clock, CancellationToken ct) =>
        await ForAsync(db, orgId, clock, ct) is { } record ? TypedResults.Ok(record) : Problems.NotFound("The buyer");

    /// <summary>Null when the organisation is not a buyer.</summary>
    public static async Task<BuyerRecordDto?> ForAsync(AppDbContext db, int buyerId, TimeProvider clock, CancellationToken ct)
    {
        if (await NoticeRecord.ForAsync(db, buyerId, ct) is not { } notices) return null;
        // The record shows counts and shares by count only: the converted contract values are not read, so no rates are needed.
        var outcomes = (await OutcomeStatistics.ComputeAsync(db, buyerId, clock.GetUtcNow(), new ExchangeRatesOptions(), ct)).Buyers.FirstOrDefault();
        var decisions = outcomes is null
            ? new DecisionRecordDto(0, 0, 0, null, null)
            : new DecisionRecordDto(outcomes.RequirementsDecided, outcomes.Awards, outcomes.AwardsToSmes,
                outcomes.Awards == 0 ? null : outcomes.SmeShareByCount, outcomes.MedianDaysToDecision);
        var complaints = await (from c in db.Complaints.AsNoTracking()
                                join r in db.Requirements on c.RequirementId equals r.Id
                                where r.OrganizationId == buyerId
                                select new { c.Closed, c.Upheld }).ToListAsync(ct);
        return new BuyerRecordDto(notices.BuyerId, notices.BuyerName, await PaymentRecord.ForAsync(db, buyerId, clock.Today(), ct), decisions, notices,
            new ComplaintRecordDto(complaints.Count, complaints.Count(c => c.Closed), complaints.Count(c => c.Upheld == true)));
    }
}
