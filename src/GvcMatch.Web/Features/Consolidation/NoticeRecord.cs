using GvcMatch.Web.Data;
using GvcMatch.Web.Features.Organizations;
using GvcMatch.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace GvcMatch.Web.Features.Consolidation;

/// <summary>
/// A buyer's public record of notice periods honoured: how many notices it published, the notice it
/// gave on average, and the share of its decisions taken on or after the promised date. No supplier
/// is named: the record is counts only.
/// </summary>
public sealed record NoticeRecordDto(int BuyerId, string BuyerName, int NoticesPublished, double? AverageNoticeDays,
    int SuppliersDecided, double? ShareDecidedOnOrAfterDate);

public static class NoticeRecord
{
    public static IEndpointRouteBuilder MapNoticeRecordApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/organizations/{orgId:int}/consolidation-record", GetAsync).AllowAnonymous().WithTags("Consolidation notices")
            .WithSummary("A buyer's public record of notice periods honoured (counts only, no supplier named)");
        return app;
    }

    private static async Task<Results<Ok<NoticeRecordDto>, ProblemHttpResult>> GetAsync(int orgId, AppDbContext db, CancellationToken ct) =>
        await ForAsync(db, orgId, ct) is { } record ? TypedResults.Ok(record) : Problems.NotFound("The buyer");

    /// <summary>Null when the organisation is not a buyer.</summary>
    public static async Task<NoticeRecordDto?> ForAsync(AppDbContext db, int buyerId, CancellationToken ct)
    {
        var buyer = await db.Organizations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == buyerId && o.Kind == OrganizationKind.Mne, ct);
        if (buyer is null) return null;
        var days = await db.ConsolidationNotices.AsNoTracking()
            .Where(n => n.OrganizationId == buyerId && n.Status == NoticeStatus.Published).Select(n => n.NoticeDays ?? 0).ToListAsync(ct);
        // Compared in memory: the providers store DateTimeOffset differently.
        var decided = await (from a in db.AffectedSuppliers.AsNoTracking()
                             join n in db.ConsolidationNotices on a.NoticeId equals n.Id
                             where n.OrganizationId == buyerId && a.DecidedAt != null
                             select new { a.DecidedAt, n.DecisionDate }).ToListAsync(ct);
        var onTime = decided.Count(d => DateOnly.FromDateTime(d.DecidedAt!.Value.UtcDateTime) >= d.DecisionDate);
        return new NoticeRecordDto(buyer.Id, buyer.Name, days.Count, days.Count == 0 ? null : Math.Round(days.Average(), 1),
            decided.Count, decided.Count == 0 ? null : Math.Round((double)onTime / decided.Count, 3));
    }
}
