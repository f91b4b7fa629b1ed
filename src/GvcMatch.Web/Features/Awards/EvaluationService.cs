using GvcMatch.Matching;
using GvcMatch.Web.Data;
using GvcMatch.Web.Features.Bids;
using GvcMatch.Web.Features.Organizations;
using GvcMatch.Web.Features.Requirements;
using GvcMatch.Web.Features.Search;
using GvcMatch.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace GvcMatch.Web.Features.Awards;

/// <summary>
/// The buyer's evaluation of the submitted bids once bids have closed: computed scores are stored
/// the first time the evaluation is opened, the buyer scores the rest (or overrides), and every
/// total uses the requirement's published weights only.
/// </summary>
public sealed partial class EvaluationService(AppDbContext db, TimeProvider clock, IOptions<AwardsOptions> options, Matching.MatchContexts contexts,
    Audit.AuditTrail audit)
{
    public static string Sealed(Requirement r) => $"bids are sealed until {r.BidsCloseAt:yyyy-MM-ddTHH:mm:ssZ}";

    public async Task<Outcome<EvaluationDto>> GetAsync(Actor actor, int requirementId, CancellationToken ct)
    {
        var (requirement, refusal) = await OpenForBuyerAsync(actor, requirementId, ct);
        if (refusal is not null) return refusal;
        var r = requirement!;
        var board = await BoardAsync(r, ct);
        return new EvaluationDto(r.Id, r.Title, r.Status, r.StatusReason, r.BidsCloseAt!.Value, r.Version, CriterionHeadDto.From(r.Criteria),
            r.Lots.OrderBy(l => l.Number).Select(l => new LotDto(l.Number, l.Title)).ToList(), board.Awards, board.Bids);
    }

    /// <summary>The requirement, when the caller is one of its buyer's members and bids have closed.</summary>
    internal async Task<(Requirement?, Refusal?)> OpenForBuyerAsync(Actor actor, int requirementId, CancellationToken ct)
    {
        var r = await db.Requirements.AsNoTracking().Include(x => x.Organization).FirstOrDefaultAsync(x => x.Id == requirementId, ct);
        if (r is null || (!r.IsVisibleToEveryone && !actor.IsMemberOf(r.OrganizationId))) return (null, Refusal.NotFound("The requirement"));
        if (!actor.IsMemberOf(r.OrganizationId)) return (null, Refusal.Forbidden("Only the buyer's members evaluate and award its bids."));
        if (r.BidsCloseAt is null) return (null, Refusal.Conflict("the buyer has set no response deadline"));
        if (!r.DeadlinePassed(clock.GetUtcNow())) return (null, Refusal.Conflict(Sealed(r)));
        return (r, null);
    }

    internal sealed record Board(IReadOnlyList<BidEvaluationDto> Bids, IReadOnlyList<AwardDto> Awards);

    /// <summary>Every submitted bid with its scores, total, rank and disqualification, best first.</summary>
    internal async Task<Board> BoardAsync(Requirement r, CancellationToken ct)
    {
        var bids = await db.Bids.AsNoTracking().Include(b => b.Answers)
            .Where(b => b.RequirementId == r.Id && b.Status == BidStatus.Submitted)
            .OrderBy(b => b.Id).AsSplitQuery().ToListAsync(ct);
        await EnsureComputedAsync(r, bids, ct);
        var ids = bids.Select(b => b.Id).ToList();
        var scores = (await db.BidScores.AsNoTracking().Where(s => ids.Contains(s.BidId)).ToListAsync(ct))
            .ToLookup(s => s.BidId);
        var names = await BidderNamesAsync(db, bids, ct);
        var awards = await db.Awards.AsNoTracking().Where(a => a.RequirementId == r.Id).OrderBy(a => a.LotNumber).ToListAsync(ct);

        var rows = bids.Select(b =>
        {
            var own = scores[b.Id].ToDictionary(s => s.CriterionIndex);
            var tally = BidScoring.Sum(r.Criteria, own.Where(s => s.Key < r.Criteria.Count).ToDictionary(s => s.Key, s => s.Value.Score));
            return (Bid: b, Scores: own, Tally: tally);
        }).ToList();
        var qualifiedTotals = rows.Where(x => !x.Tally.Disqualified).Select(x => x.Tally.Total).ToList();

        var dtos = rows.Select(x =>
        {
            var (name, isSme) = names[x.Bid.Id];
            return new BidEvaluationDto(
                x.Bid.Id, name, x.Bid.OrganizationId, x.Bid.ConsortiumId, isSme, x.Bid.Lots, x.Bid.Price, x.Bid.Currency, x.Bid.LeadTimeDays,
                x.Bid.SubmittedAt, x.Bid.AnsweredVersion,
                x.Bid.Answers.OrderBy(a => a.CriterionIndex).Select(a => new AnswerDto(a.CriterionIndex, a.Value, a.Number, a.Evidence)).ToList(),
                ScoreRows(r.Criteria, x.Scores), x.Tally.Total, x.Tally.Complete, x.Tally.Disqualified,
                x.Tally.Failed.Select(i => $"{BidScoring.Label(i)} not met: {r.Criteria[i].Summary()}").ToList(),
                x.Tally.Disqualified ? null : 1 + qualifiedTotals.Count(t => t > x.Tally.Total),
                awards.Where(a => a.BidId == x.Bid.Id).Select(a => a.LotNumber).ToList());
        }).OrderBy(d => d.Rank ?? int.MaxValue).ThenByDescending(d => d.Total).ThenBy(d => d.BidId).ToList();

        var awardDtos = awards.Select(a => new AwardDto(a.LotNumber, LotTitle(r, a.LotNumber), a.BidId,
            names.TryGetValue(a.BidId, out var n) ? n.Name : "—", a.Total, a.AwardedAt, a.Note)).ToList();
        return new Board(dtos, awardDtos);
    }

    internal static List<ScoreDto> ScoreRows(IReadOnlyList<Criterion> criteria, IReadOnlyDictionary<int, BidScore> scores) =>
        criteria.Select((c, i) =>
        {
            var s = scores.GetValueOrDefault(i);
            var weight = c.Mandatory ? 0 : c.Weight ?? 0;
            return new ScoreDto(i, BidScoring.Label(i), s?.Score, s?.Reason, s?.Computed ?? false,
                s is null ? null : BidScoring.MandatoryMet(c, s.Score), Math.Round(weight * (s?.Score ?? 0), 2), s?.ScoredAt,
                s?.VerifiedFact, s is { Computed: false } ? s.ComputedScore : null, s?.OverrideReason, s?.ConcurrencyStamp);
        }).ToList();

    internal static string? LotTitle(Requirement r, int lot) => lot == 0 ? null : r.Lots.FirstOrDefault(l => l.Number == lot)?.Title;

    /// <summary>The bidder's name as shown (the consortium's name for a consortium bid) and whether the bidder is an SME.</summary>
    internal static async Task<Dictionary<int, (string Name, bool IsSme)>> BidderNamesAsync(AppDbContext db, IReadOnlyCollection<Bid> bids, CancellationToken ct)
    {
        var orgIds = bids.Select(b => b.OrganizationId).Distinct().ToList();
        var consortiumIds = bids.Where(b => b.ConsortiumId is not null).Select(b => b.ConsortiumId!.Value).Distinct().ToList();
        var orgs = await db.Organizations.AsNoTracking().Where(o => orgIds.Contains(o.Id)).Select(o => new { o.Id, o.Name, o.Kind }).ToDictionaryAsync(o => o.Id, ct);
        var consortia = consortiumIds.Count == 0 ? [] : await db.Consortia.AsNoTracking().Where(c => consortiumIds.Contains(c.Id))
            .Select(c => new { c.Id, c.Name }).ToDictionaryAsync(c => c.Id, c => c.Name, ct);
        return bids.ToDictionary(b => b.Id, b =>
        {
            var org = orgs.GetValueOrDefault(b.OrganizationId);
            var name = b.ConsortiumId is { } c && consortia.TryGetValue(c, out var cn) ? $"{cn} (consortium led by {org?.Name})" : org?.Name ?? "—";
            return (name, org?.Kind == OrganizationKind.Sme);
        });
    }

    /// <summary>
    /// Stores what the product can score and nobody has scored yet. A score once stored is never
    /// recomputed, so the buyer's overrides stand and the numbers do not drift as profiles change.
    /// </summary>
    private async Task EnsureComputedAsync(Requirement r, List<Bid> bids, CancellationToken ct)
    {
        if (bids.Count == 0 || r.Criteria.Count == 0) return;
        var ids = bids.Select(b => b.Id).ToList();
        var have = (await db.BidScores.AsNoTracking().Where(s => ids.Contains(s.BidId)).Select(s => new { s.BidId, s.CriterionIndex }).ToListAsync(ct))
            .Select(s => (s.BidId, s.CriterionIndex)).ToHashSet();
        var open = bids.Where(b => Enumerable.Range(0, r.Criteria.Count).Any(i => !have.Contains((b.Id, i)))).ToList();
        if (open.Count == 0) return;

        var facts = await FactsAsync(open.Where(b => b.ConsortiumId is null).Select(b => b.OrganizationId).Distinct().ToList(), ct);
        var today = clock.Today();
        var now = clock.GetUtcNow();
        var added = 0;
        var context = contexts.For(r);
        foreach (var bid in open)
        {
            var computed = bid.ConsortiumId is { } consortiumId
                ? BidScoring.ForConsortium(await Consortia.ConsortiumCoverageLoader.EvaluateAsync(db, consortiumId, r.Criteria, today, context, ct))
                : BidScoring.ForSingleBidder(r.Criteria, bid, facts[bid.OrganizationId], today, context);
            foreach (var s in computed.Where(s => !have.Contains((bid.Id, s.CriterionIndex))))
            {
                db.BidScores.Add(new BidScore
                {
                    BidId = bid.Id, CriterionIndex = s.CriterionIndex, Score = s.Score, Reason = s.Reason, Computed = true, ScoredAt = now,
                    VerifiedFact = s.VerifiedFact, ComputedScore = s.Score,
                });
                added++;
            }
        }
        if (added == 0) return;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (DbConflicts.IsUniqueViolation(ex))
        {
            // Another request (a second tab, a colleague) stored them at the same moment; theirs stand.
            foreach (var entry in db.ChangeTracker.Entries<BidScore>().Where(e => e.State == EntityState.Added).ToList())
                entry.State = EntityState.Detached;
        }
    }

    private async Task<Dictionary<int, SupplierFacts>> FactsAsync(List<int> orgIds, CancellationToken ct)
    {
        var profiles = await db.Profiles.AsNoTracking().Include(p => p.Organization).Include(p => p.Certifications).Include(p => p.Organization.Disclosures)
            .Where(p => orgIds.Contains(p.OrganizationId)).AsSplitQuery().ToListAsync(ct);
        var orgs = await db.Organizations.AsNoTracking().Where(o => orgIds.Contains(o.Id)).ToListAsync(ct);
        var groupHeld = await Consortia.GroupHeldCertificates.ForAsync(db, orgIds, ct);
        // A bidder without a profile is still judged on its organisation: country, size, verification.
        return orgs.ToDictionary(o => o.Id, o => profiles.FirstOrDefault(p => p.OrganizationId == o.Id) is { } p
            ? Consortia.GroupHeldCertificates.With(SupplierDocuments.Facts(p), groupHeld.GetValueOrDefault(p.OrganizationId))
            : new SupplierFacts { OrganizationId = o.Id, Name = o.Name, Country = o.Country, SizeBand = o.SizeBand.ToString(), Verified = o.Verified });
    }
}
