using System.Text.Json.Serialization;

namespace GvcMatch.Web.Features.Offers;

/// <summary>An offer as both parties see it, over the hub and the API (nulls written in both, one shape).</summary>
public sealed record OfferDto(
    long Id,
    long ConversationId,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] long? PreviousOfferId,
    int ProposedByOrganizationId,
    string State,
    decimal Price,
    string Currency,
    decimal Quantity,
    string Unit,
    int LeadTimeDays,
    string Incoterm,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? DeliveryPlace,
    int PaymentTermsDays,
    DateOnly ValidUntil,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? Notes,
    DateTimeOffset CreatedAt,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] DateTimeOffset? DecidedAt)
{
    /// <summary>The organisation that accepted, rejected, countered or withdrew; null while open or when expired.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public int? DecidedByOrganizationId { get; init; }

    /// <summary>"Supply" or "Licence".</summary>
    public string Kind { get; init; } = nameof(OfferKind.Supply);

    /// <summary>A licence offer's term sheet; null on supply offers.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public IpListings.TermSheet? Licence { get; init; }

    /// <summary>The IP listing a licence offer is about; null on supply offers.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public int? IpListingId { get; init; }

    public static OfferDto From(Offer o) => new(
        o.Id, o.ConversationId, o.PreviousOfferId, o.ProposedByOrganizationId, o.State.ToString(), o.Price, o.Currency,
        o.Quantity, o.Unit, o.LeadTimeDays, o.Incoterm, o.DeliveryPlace, o.PaymentTermsDays, o.ValidUntil, o.Notes,
        o.CreatedAt, o.DecidedAt)
    {
        DecidedByOrganizationId = o.DecidedByOrganizationId,
        Kind = o.Kind.ToString(),
        Licence = o.Licence,
        IpListingId = o.IpListingId,
    };
}
