namespace GvcMatch.Web.Features.Offers;

/// <summary>An offer as both parties see it, over the hub and the API.</summary>
public sealed record OfferDto(
    long Id,
    long ConversationId,
    long? PreviousOfferId,
    int ProposedByOrganizationId,
    string State,
    decimal Price,
    string Currency,
    decimal Quantity,
    string Unit,
    int LeadTimeDays,
    string Incoterm,
    string? DeliveryPlace,
    int PaymentTermsDays,
    DateOnly ValidUntil,
    string? Notes,
    DateTimeOffset CreatedAt,
    DateTimeOffset? DecidedAt)
{
    /// <summary>The organisation that accepted, rejected, countered or withdrew; null while open or when expired.</summary>
    public int? DecidedByOrganizationId { get; init; }

    public static OfferDto From(Offer o) => new(
        o.Id, o.ConversationId, o.PreviousOfferId, o.ProposedByOrganizationId, o.State.ToString(), o.Price, o.Currency,
        o.Quantity, o.Unit, o.LeadTimeDays, o.Incoterm, o.DeliveryPlace, o.PaymentTermsDays, o.ValidUntil, o.Notes,
        o.CreatedAt, o.DecidedAt)
    {
        DecidedByOrganizationId = o.DecidedByOrganizationId,
    };
}
