using GvcMatch.Web.Infrastructure;

namespace GvcMatch.Web.Features.Offers;

public static class OfferLimits
{
    public const int Unit = 20;
    public const int DeliveryPlace = 100;
    public const int Notes = 2000;
    public const int MaxLeadTimeDays = 3650;
    public const int MaxPaymentTermsDays = 365;
    public const int MaxDecimals = 4;

    /// <summary>The columns are decimal(18,4): 14 digits before the point.</summary>
    public const decimal MaxAmount = 99_999_999_999_999m;

    /// <summary>Common units offered as suggestions; any other unit of up to 20 characters is accepted.</summary>
    public static readonly IReadOnlyList<string> SuggestedUnits = ["pcs", "set", "lot", "kg", "t", "m", "m2", "m3", "l", "h", "licence"];
}

/// <summary>
/// The terms of an offer as a client sends them. <see cref="ConversationId"/> names the
/// conversation when proposing over the hub; on the REST routes the id is in the path.
/// </summary>
public sealed record OfferTerms
{
    public long ConversationId { get; init; }
    public decimal Price { get; init; }
    public string Currency { get; init; } = "";
    public decimal Quantity { get; init; }
    public string Unit { get; init; } = "";
    public int LeadTimeDays { get; init; }
    public string Incoterm { get; init; } = "";
    public string? DeliveryPlace { get; init; }
    public int PaymentTermsDays { get; init; }
    public DateOnly ValidUntil { get; init; }
    public string? Notes { get; init; }

    public void Validate(Errors errors, ReferenceData.ReferenceData reference, DateOnly today)
    {
        Amount(errors, "price", Price, "The price");
        if (string.IsNullOrWhiteSpace(Currency)) errors.Add("currency", "Give the ISO 4217 currency code, e.g. EUR.");
        else if (!reference.Contains("currencies", Currency.Trim())) errors.Add("currency", $"Unknown ISO 4217 currency code '{Currency}'.");
        Amount(errors, "quantity", Quantity, "The quantity");
        errors.Required("unit", Unit, OfferLimits.Unit);
        if (LeadTimeDays is < 0 or > OfferLimits.MaxLeadTimeDays)
            errors.Add("leadTimeDays", $"Lead time is 0 to {OfferLimits.MaxLeadTimeDays} days.");
        if (string.IsNullOrWhiteSpace(Incoterm))
            errors.Add("incoterm", "Give the Incoterms 2020 rule: " + string.Join(", ", Incoterms.Rules) + ".");
        else if (!Incoterms.IsRule(Incoterm.Trim()))
            errors.Add("incoterm", $"Unknown Incoterms 2020 rule '{Incoterm}'; use one of " + string.Join(", ", Incoterms.Rules) + ".");
        else if (string.IsNullOrWhiteSpace(DeliveryPlace) && Incoterms.PlaceNeeded(Incoterm.Trim()) is { } place)
            errors.Add("deliveryPlace", $"{Incoterm.Trim().ToUpperInvariant()} needs {place}.");
        errors.MaxLength("deliveryPlace", DeliveryPlace?.Trim(), OfferLimits.DeliveryPlace);
        if (PaymentTermsDays is < 0 or > OfferLimits.MaxPaymentTermsDays)
            errors.Add("paymentTermsDays", $"Payment terms are 0 to {OfferLimits.MaxPaymentTermsDays} days.");
        if (ValidUntil < today) errors.Add("validUntil", $"The offer must be valid at least until today ({today:yyyy-MM-dd}).");
        else if (ValidUntil > today.AddYears(1)) errors.Add("validUntil", $"An offer can be valid for at most a year (until {today.AddYears(1):yyyy-MM-dd}).");
        errors.MaxLength("notes", Notes?.Trim(), OfferLimits.Notes);
    }

    private static void Amount(Errors errors, string field, decimal value, string what)
    {
        if (value <= 0) errors.Add(field, $"{what} must be greater than 0.");
        else if (value > OfferLimits.MaxAmount) errors.Add(field, $"{what} is too large.");
        else if (decimal.Round(value, OfferLimits.MaxDecimals) != value) errors.Add(field, $"{what} has at most {OfferLimits.MaxDecimals} decimals.");
    }

    /// <summary>A new open offer carrying these terms; the caller has validated them.</summary>
    public Offer ToOffer(long conversationId, int organizationId, string userId, DateTimeOffset now, long? previousOfferId = null) => new()
    {
        ConversationId = conversationId,
        PreviousOfferId = previousOfferId,
        ProposedByOrganizationId = organizationId,
        ProposedByUserId = userId,
        State = OfferState.Proposed,
        Price = Price,
        Currency = Currency.Trim().ToUpperInvariant(),
        Quantity = Quantity,
        Unit = Unit.Trim(),
        LeadTimeDays = LeadTimeDays,
        Incoterm = Incoterm.Trim().ToUpperInvariant(),
        DeliveryPlace = string.IsNullOrWhiteSpace(DeliveryPlace) ? null : DeliveryPlace.Trim(),
        PaymentTermsDays = PaymentTermsDays,
        ValidUntil = ValidUntil,
        Notes = string.IsNullOrWhiteSpace(Notes) ? null : Notes.Trim(),
        CreatedAt = now,
    };
}
