using GvcMatch.Matching;
using GvcMatch.Web.Data;
using GvcMatch.Web.Features.Matching;
using GvcMatch.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace GvcMatch.Web.Features.Consolidation;

/// <summary>The buyer's side of a notice: draft, publish, change within the rules, follow suppliers, record outcomes.</summary>
public sealed class ConsolidationService(
    AppDbContext db, ReferenceData.ReferenceData reference, MatchContexts contexts, IOptions<ConsolidationOptions> options,
    AffectedQueue queue, ConsolidationMessages messages, TimeProvider clock)
{
    public int MinimumNoticeDays => options.Value.MinimumNoticeDays;

    public Errors Validate(NoticeInput input, ConsolidationNotice? existing)
    {
        var errors = new Errors();
        input.Validate(errors, reference, contexts.Vocabulary, clock.Today(), MinimumNoticeDays,
            existing is { Status: NoticeStatus.Published } ? existing : null);
        return errors;
    }

    public async Task<ConsolidationNotice> CreateAsync(int buyer, NoticeInput input, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var notice = new ConsolidationNotice { Title = "", OrganizationId = buyer, CreatedAt = now, UpdatedAt = now };
        input.ApplyTo(notice);
        db.ConsolidationNotices.Add(notice);
        await db.SaveChangesAsync(ct);
        return notice;
    }

    /// <summary>A draft changes freely; a published notice gets a new version, its decision date only ever later.</summary>
    public async Task UpdateAsync(ConsolidationNotice notice, NoticeInput input, CancellationToken ct)
    {
        input.ApplyTo(notice);
        notice.UpdatedAt = clock.GetUtcNow();
        if (notice.Status == NoticeStatus.Published)
        {
            notice.Version++;
            notice.Versions.Add(Snapshot(notice, input.ChangeNote));
        }
        notice.ConcurrencyStamp = Guid.NewGuid();
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Null when published, or why not: the minimum notice is counted from the day of publication.</summary>
    public async Task<string?> PublishAsync(ConsolidationNotice notice, CancellationToken ct)
    {
        if (notice.Status == NoticeStatus.Published) return "The notice is already published.";
        var today = clock.Today();
        if (notice.DecisionDate < today.AddDays(MinimumNoticeDays))
            return $"Give suppliers at least {MinimumNoticeDays} days' notice: move the decision date to {today.AddDays(MinimumNoticeDays):yyyy-MM-dd} or later.";
        var now = clock.GetUtcNow();
        notice.Status = NoticeStatus.Published;
        notice.PublishedAt = now;
        notice.NoticeDays = notice.DecisionDate.DayNumber - today.DayNumber;
        notice.Version = 1;
        notice.Versions.Add(Snapshot(notice, null));
        notice.AffectedStatus = AffectedJobStatus.Queued;
        notice.ConcurrencyStamp = Guid.NewGuid();
        await db.SaveChangesAsync(ct);
        queue.Enqueue(notice.Id);
        return null;
    }

    private ConsolidationNoticeVersion Snapshot(ConsolidationNotice n, string? note) => new()
    {
        Number = n.Version, PublishedAt = clock.GetUtcNow(), ChangeNote = note?.Trim(), Reason = n.Reason,
        Criteria = n.Criteria.ToList(), DecisionDate = n.DecisionDate,
    };

    /// <summary>Each affected supplier's score when told and now, from its current profile.</summary>
    public async Task<NoticeProgressDto> ProgressAsync(ConsolidationNotice notice, CancellationToken ct)
    {
        var affected = await db.AffectedSuppliers.AsNoTracking().Include(a => a.Organization).Where(a => a.NoticeId == notice.Id)
            .OrderBy(a => a.OrganizationId).ToListAsync(ct);
        var scores = await ScoresNowAsync(notice, affected.Select(a => a.OrganizationId).ToList(), ct);
        var rows = affected.Select(a =>
        {
            var now = scores.GetValueOrDefault(a.OrganizationId);
            return new SupplierProgressDto(a.OrganizationId, a.Organization.Name, a.Organization.Country, a.ScoreAtNotice, a.QualifiedAtNotice,
                now?.Total, now?.Qualified, now?.Criteria.Count(c => c.Met), notice.Criteria.Count, a.Outcome, a.OutcomeReason, a.DecidedAt);
        }).ToList();
        return new NoticeProgressDto(notice.Id, new AffectedJobDto(notice.AffectedStatus, notice.AffectedProcessed, notice.AffectedTotal), rows);
    }

    public async Task<Dictionary<int, MatchResult>> ScoresNowAsync(ConsolidationNotice notice, List<int> organizationIds, CancellationToken ct)
    {
        var profiles = await db.Profiles.AsNoTracking().Include(p => p.Organization).Include(p => p.Certifications).Include(p => p.Organization.Disclosures)
            .Where(p => organizationIds.Contains(p.OrganizationId)).AsSplitQuery().ToListAsync(ct);
        var scorer = Scorer.For(notice.Criteria, contexts.For((string?)null));
        var today = clock.Today();
        return profiles.ToDictionary(p => p.OrganizationId, p => scorer.Score(Search.SupplierDocuments.Facts(p), today, explain: false));
    }

    /// <summary>Records one supplier's outcome at or after the decision date and sends it its debrief.</summary>
    public async Task RecordOutcomeAsync(ConsolidationNotice notice, AffectedSupplier supplier, ConsolidationOutcome outcome, string reason, CancellationToken ct)
    {
        var now = (await ScoresNowAsync(notice, [supplier.OrganizationId], ct)).GetValueOrDefault(supplier.OrganizationId);
        supplier.Outcome = outcome;
        supplier.OutcomeReason = reason.Trim();
        supplier.ScoreAtDecision = now?.Total;
        supplier.DecidedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        await messages.DebriefAsync(notice, supplier.OrganizationId, outcome, supplier.OutcomeReason, ct);
    }
}
