namespace GvcMatch.Web.Features.Bids;

public enum BidStatus { Draft, Submitted, Withdrawn }

/// <summary>
/// A response to a published requirement, by one SME or by a consortium (then
/// <see cref="ConsortiumId"/> is set and <see cref="OrganizationId"/> is the consortium's lead).
/// Sealed: the buyer reads it only after the requirement's deadline, other bidders never.
/// Editable until the deadline, frozen after.
/// </summary>
public sealed class Bid
{
    public int Id { get; set; }
    public int RequirementId { get; set; }
    public int OrganizationId { get; set; }
    public int? ConsortiumId { get; set; }

    /// <summary>"org:{id}" or "consortium:{id}"; unique per requirement, so a party has one bid.</summary>
    public required string PartyKey { get; set; }

    public BidStatus Status { get; set; }

    /// <summary>The requirement version whose criteria the answers respond to.</summary>
    public int AnsweredVersion { get; set; }

    /// <summary>The lot numbers this bid covers; empty when the requirement has no lots.</summary>
    public List<int> Lots { get; set; } = [];

    public decimal? Price { get; set; }
    public string? Currency { get; set; }
    public string? PriceBasis { get; set; }
    public int? LeadTimeDays { get; set; }
    public string? Incoterms { get; set; }
    public int? PaymentTermsDays { get; set; }
    public DateOnly? ValidUntil { get; set; }
    public string? Notes { get; set; }

    public required string CreatedByUserId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset? SubmittedAt { get; set; }
    public DateTimeOffset? WithdrawnAt { get; set; }

    /// <summary>Optimistic concurrency token, bumped on every save.</summary>
    public Guid ConcurrencyStamp { get; set; } = Guid.NewGuid();

    public List<BidAnswer> Answers { get; set; } = [];
    public List<BidSubcontractor> Subcontractors { get; set; } = [];
    public List<BidDocument> Documents { get; set; } = [];

    public static string PartyKeyFor(int organizationId, int? consortiumId) =>
        consortiumId is { } c ? $"consortium:{c}" : $"org:{organizationId}";
}

/// <summary>
/// The bidder's answer to one published criterion, named by its position in the requirement's
/// criteria list (0-based; shown as C1, C2, ...). <see cref="Number"/> carries figures such as a
/// capacity or a lead time; <see cref="Evidence"/> a certificate reference or other proof.
/// </summary>
public sealed class BidAnswer
{
    public int Id { get; set; }
    public int BidId { get; set; }
    public int CriterionIndex { get; set; }
    public string? Value { get; set; }
    public decimal? Number { get; set; }
    public string? Evidence { get; set; }
}

/// <summary>A subcontractor the bidder declares, with the work it would do.</summary>
public sealed class BidSubcontractor
{
    public int Id { get; set; }
    public int BidId { get; set; }
    public required string Name { get; set; }
    public int? OrganizationId { get; set; }
    public string? Country { get; set; }
    public required string Work { get; set; }
    public decimal? SharePercent { get; set; }
}

/// <summary>A document attached to a bid, stored under the data folder; sealed like the bid.</summary>
public sealed class BidDocument
{
    public int Id { get; set; }
    public int BidId { get; set; }
    public required string FileName { get; set; }
    public required string ContentType { get; set; }
    public long Length { get; set; }
    public required string StoredName { get; set; }
    public required string Sha256 { get; set; }
    public DateTimeOffset UploadedAt { get; set; }
}

public static class BidLimits
{
    public const int Value = 1000;
    public const int Evidence = 2000;
    public const int Notes = 4000;
    public const int Work = 1000;
    public const int Name = 200;
    public const int FileName = 200;
}
