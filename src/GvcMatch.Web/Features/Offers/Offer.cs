namespace GvcMatch.Web.Features.Offers;

/// <summary>
/// Proposed → Countered (a newer offer references it) → Accepted / Rejected / Withdrawn / Expired.
/// Only Proposed is open; every other state is final.
/// </summary>
public enum OfferState { Proposed, Countered, Accepted, Rejected, Withdrawn, Expired }

/// <summary>A supply offer (price, quantity, delivery) or a licence term sheet about an IP listing.</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<OfferKind>))]
public enum OfferKind { Supply, Licence }

/// <summary>Structured terms proposed by one party of a conversation to the other.</summary>
public sealed class Offer
{
    public long Id { get; set; }
    public long ConversationId { get; set; }

    /// <summary>The offer this one counters, if any.</summary>
    public long? PreviousOfferId { get; set; }
    public int ProposedByOrganizationId { get; set; }
    public required string ProposedByUserId { get; set; }
    public OfferState State { get; set; }
    public OfferKind Kind { get; set; }

    /// <summary>A licence offer's term sheet; null on supply offers.</summary>
    public IpListings.TermSheet? Licence { get; set; }

    /// <summary>The IP listing a licence offer is about (copied into the heads of terms); null on supply offers.</summary>
    public int? IpListingId { get; set; }

    public decimal Price { get; set; }

    /// <summary>ISO 4217 code.</summary>
    public required string Currency { get; set; }
    public decimal Quantity { get; set; }
    public required string Unit { get; set; }
    public int LeadTimeDays { get; set; }

    /// <summary>Incoterms 2020 rule, e.g. FCA or DDP.</summary>
    public required string Incoterm { get; set; }
    public string? DeliveryPlace { get; set; }
    public int PaymentTermsDays { get; set; }
    public DateOnly ValidUntil { get; set; }
    public string? Notes { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }
    public string? DecidedByUserId { get; set; }

    /// <summary>
    /// The organisation the deciding person acted for, recorded at the decision: people move
    /// between organisations, and an agreement must keep naming the one that accepted.
    /// </summary>
    public int? DecidedByOrganizationId { get; set; }

    /// <summary>
    /// The day the paid party says it was paid under an accepted supply offer; null until it
    /// confirms. Compared with <see cref="PaymentTermsDays"/> on the buyer's public record.
    /// </summary>
    public DateOnly? PaidOn { get; set; }

    /// <summary>Who confirmed the payment: only that organisation may correct it.</summary>
    public int? PaidConfirmedByOrganizationId { get; set; }
}
