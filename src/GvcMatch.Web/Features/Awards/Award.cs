namespace GvcMatch.Web.Features.Awards;

/// <summary>
/// The buyer's score of one bid on one published criterion, with its reason. Computed scores
/// come from the bid's answers and the bidder's verified facts; the buyer may override them,
/// and scores the rest, always with a reason.
/// </summary>
public sealed class BidScore
{
    public int Id { get; set; }
    public int BidId { get; set; }
    public int CriterionIndex { get; set; }

    /// <summary>In [0, 1]; multiplied by the criterion's published weight in the total.</summary>
    public double Score { get; set; }
    public required string Reason { get; set; }
    public bool Computed { get; set; }

    /// <summary>
    /// The verified fact a computed score rests on (<see cref="VerifiedFacts"/>), null when it rests on
    /// none. Kept when the buyer overrides the score, with <see cref="ComputedScore"/>, so that an
    /// override contradicting it is recognised however many times the score is rewritten.
    /// </summary>
    public string? VerifiedFact { get; set; }

    /// <summary>The score the product worked out, kept when the buyer overrides it (null for scores only the buyer gave).</summary>
    public double? ComputedScore { get; set; }

    /// <summary>Why the buyer set the verified fact aside: required when an override lowers a score that rests on one.</summary>
    public string? OverrideReason { get; set; }

    public string? ScoredByUserId { get; set; }
    public DateTimeOffset ScoredAt { get; set; }

    /// <summary>Replaced on every write of this score; its ETag is the version a buyer names in If-Match when rescoring.</summary>
    public Guid ConcurrencyStamp { get; set; } = Guid.NewGuid();
}

/// <summary>
/// The award of a requirement (or of one lot: <see cref="LotNumber"/> 0 means the whole
/// requirement) to one bid. Unique per requirement and lot, so two concurrent awards cannot both
/// be stored.
/// </summary>
public sealed class Award
{
    public int Id { get; set; }
    public int RequirementId { get; set; }
    public int LotNumber { get; set; }
    public int BidId { get; set; }
    public double Total { get; set; }
    public string? Note { get; set; }
    public required string AwardedByUserId { get; set; }
    public DateTimeOffset AwardedAt { get; set; }

    /// <summary>The agreed payment days (0–365): the buyer's at the award, else the winning bid's; null when neither said.</summary>
    public int? PaymentTermsDays { get; set; }

    /// <summary>The day the winning party says it was paid; null until it confirms.</summary>
    public DateOnly? PaidOn { get; set; }

    /// <summary>Who confirmed the payment: only that organisation may correct it.</summary>
    public int? PaidConfirmedByOrganizationId { get; set; }
}

/// <summary>A bidder's complaint about the evaluation, lodged within the complaint period, and its thread.</summary>
public sealed class Complaint
{
    public int Id { get; set; }
    public int RequirementId { get; set; }
    public int BidId { get; set; }
    public int OrganizationId { get; set; }
    public required string Subject { get; set; }
    public bool Closed { get; set; }

    /// <summary>The buyer's verdict when it closed the complaint (null: closed without one, or still open); counted on its public record.</summary>
    public bool? Upheld { get; set; }
    public DateTimeOffset LodgedAt { get; set; }
    public List<ComplaintEntry> Entries { get; set; } = [];
}

/// <summary>One post in a complaint thread, by the bidder or by the buyer. Never edited or deleted.</summary>
public sealed class ComplaintEntry
{
    public int Id { get; set; }
    public int ComplaintId { get; set; }
    public bool FromBuyer { get; set; }
    public required string UserId { get; set; }
    public required string Text { get; set; }
    public DateTimeOffset PostedAt { get; set; }
}

/// <summary>
/// What an award (or a cancellation) leaves behind for statistics: who bought, who won, whether
/// the winner is an SME or SME consortium, and how long the decision took.
/// </summary>
public sealed class OutcomeRecord
{
    public int Id { get; set; }
    public int RequirementId { get; set; }
    public int BuyerOrganizationId { get; set; }
    public int LotNumber { get; set; }
    public bool Cancelled { get; set; }
    public int? WinnerOrganizationId { get; set; }
    public int? WinnerConsortiumId { get; set; }
    public bool WinnerIsSme { get; set; }
    public int SmeMemberCount { get; set; }
    public decimal? Value { get; set; }
    public string? Currency { get; set; }
    public int BidCount { get; set; }
    public DateTimeOffset PublishedAt { get; set; }
    public DateTimeOffset DecidedAt { get; set; }
    public double DaysToDecision { get; set; }
}

public static class AwardLimits
{
    public const int Reason = 2000;
    public const int Fact = 100;
    public const int Text = 4000;
    public const int Subject = 200;
}
