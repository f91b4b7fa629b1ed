using GvcMatch.Matching;
using GvcMatch.Web.Features.Requirements;

namespace GvcMatch.Web.Features.Awards;

/// <summary>A published criterion as the evaluation shows it: "C1", what it asks, and its published weight.</summary>
public sealed record CriterionHeadDto(int Index, string Label, string Summary, CriterionKind Kind, bool Mandatory, int Weight)
{
    public static IReadOnlyList<CriterionHeadDto> From(IReadOnlyList<Criterion> criteria) => criteria
        .Select((c, i) => new CriterionHeadDto(i, BidScoring.Label(i), c.Summary(), c.Kind, c.Mandatory, c.Mandatory ? 0 : c.Weight ?? 0)).ToList();
}

/// <summary>One criterion's score of one bid; Score is null until the product or the buyer has scored it.</summary>
/// <param name="VerifiedFact">The verified fact the product's score rests on ("verified certificate"), if any.</param>
/// <param name="ComputedScore">The product's score, when the buyer has overridden it.</param>
/// <param name="OverrideReason">Why the buyer set the verified fact aside, when its score is lower than the product's.</param>
/// <param name="ConcurrencyStamp">The stored score's version (null until scored): sent as the ETag, carried by the page's score form, never in the body.</param>
public sealed record ScoreDto(int CriterionIndex, string Label, double? Score, string? Reason, bool Computed, bool? Met, double Points, DateTimeOffset? ScoredAt,
    string? VerifiedFact = null, double? ComputedScore = null, string? OverrideReason = null,
    [property: System.Text.Json.Serialization.JsonIgnore] Guid? ConcurrencyStamp = null);

public sealed record AnswerDto(int CriterionIndex, string? Value, decimal? Number, string? Evidence);

public sealed record BidEvaluationDto(
    int BidId, string Bidder, int OrganizationId, int? ConsortiumId, bool IsSme, IReadOnlyList<int> Lots,
    decimal? Price, string? Currency, int? LeadTimeDays, DateTimeOffset? SubmittedAt, int AnsweredVersion,
    IReadOnlyList<AnswerDto> Answers, IReadOnlyList<ScoreDto> Scores,
    double Total, bool Complete, bool Disqualified, IReadOnlyList<string> DisqualifiedBy, int? Rank, IReadOnlyList<int> AwardedLots);

public sealed record LotDto(int Number, string Title);

/// <summary>An award as published on the requirement's page: winner, total and date (LotNumber 0 = the whole requirement).</summary>
public sealed record AwardDto(int LotNumber, string? LotTitle, int BidId, string Winner, double Total, DateTimeOffset AwardedAt, string? Note);

/// <param name="Version">The requirement's current version: a bid whose AnsweredVersion is lower answered criteria since changed.</param>
public sealed record EvaluationDto(
    int RequirementId, string Title, RequirementStatus Status, string? StatusReason, DateTimeOffset BidsCloseAt, int Version,
    IReadOnlyList<CriterionHeadDto> Criteria, IReadOnlyList<LotDto> Lots, IReadOnlyList<AwardDto> Awards, IReadOnlyList<BidEvaluationDto> Bids);

/// <summary>What one bidder learns after the award: its own scores only, the winning total, its rank among all bids.</summary>
public sealed record DebriefDto(
    int BidId, int RequirementId, string RequirementTitle, string Bidder, IReadOnlyList<CriterionHeadDto> Criteria,
    IReadOnlyList<ScoreDto> Scores, double Total, bool Disqualified, IReadOnlyList<string> DisqualifiedBy,
    int? Rank, int BidCount, double? WinningTotal, bool Won, IReadOnlyList<AwardDto> Awards,
    DateTimeOffset ComplaintsCloseAt, bool CanComplain);

/// <param name="OverrideReason">Required when the score is lower than the product's score resting on a verified fact.</param>
public sealed record ScoreInput(double? Score, string? Reason, string? OverrideReason = null);

/// <param name="PaymentTermsDays">The agreed payment days (0–365); left out, the winning bid's own terms are kept.</param>
public sealed record AwardInput(int BidId, int LotNumber, string? Note, int? PaymentTermsDays = null);

public sealed record CancelInput(string? Reason);

public sealed record ComplaintInput(string? Subject, string? Text);

/// <summary>A post in a complaint thread; the buyer may close the thread with its answer.</summary>
/// <param name="Upheld">With Close: the buyer's verdict, counted (never the complaint itself) on its public record.</param>
public sealed record ComplaintPostInput(string? Text, bool Close = false, bool? Upheld = null);

public sealed record ComplaintEntryDto(int Id, bool FromBuyer, string Text, DateTimeOffset PostedAt);

public sealed record ComplaintDto(int Id, int RequirementId, int BidId, string Bidder, string Subject, bool Closed, DateTimeOffset LodgedAt, IReadOnlyList<ComplaintEntryDto> Entries);
