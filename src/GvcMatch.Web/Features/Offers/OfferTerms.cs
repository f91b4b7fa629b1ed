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

    /// <summary>Supply (the default: price, quantity, delivery) or Licence (a term sheet about an IP listing).</summary>
    public OfferKind Kind { get; init; }

    /// <summary>A licence offer's term sheet; "licence." in error paths.</summary>
    public IpListings.TermSheet? Licence { get; init; }

    /// <summary>The IP listing a licence is about; left out, a counter keeps its offer's and an IP listing conversation names its own.</summary>
    public int? IpListingId { get; init; }
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
        if (!Enum.IsDefined(Kind)) errors.Add("kind", "Kind is Supply or Licence.");
        else if (Kind == OfferKind.Licence)
        {
            ValidateLicence(errors, reference, today);
            return;
        }
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
        Validity(errors, today);
        errors.MaxLength("notes", Notes?.Trim(), OfferLimits.Notes);
    }

    /// <summary>A term sheet replaces price, quantity and delivery; validity and notes are checked alike.</summary>
    private void ValidateLicence(Errors errors, ReferenceData.ReferenceData reference, DateOnly today)
    {
        if (Licence is null) errors.Add("licence", "A licence offer carries its term sheet.");
        else
        {
            Licence.Validate(errors, reference, "licence.");
            if (Licence.Kind != IpListings.DealKind.CoDevelopment && !Licence.StatesPayment)
                errors.Add("licence", "A term sheet says what is paid: a royalty, a lump sum or milestones.");
        }
        Validity(errors, today);
        errors.MaxLength("notes", Notes?.Trim(), OfferLimits.Notes);
    }

    private void Validity(Errors errors, DateOnly today)
    {
        if (ValidUntil < today) errors.Add("validUntil", $"The offer must be valid at least until today ({today:yyyy-MM-dd}).");
        else if (ValidUntil > today.AddYears(1)) errors.Add("validUntil", $"An offer can be valid for at most a year (until {today.AddYears(1):yyyy-MM-dd}).");
    }

    private static void Amount(Errors errors, string field, decimal value, string what)
    {
        if (value <= 0) errors.Add(field, $"{what} must be greater than 0.");
        else if (value > OfferLimits.MaxAmount) errors.Add(field, $"{what} is too large.");
        else if (decimal.Round(value, OfferLimits.MaxDecimals) != value) errors.Add(field, $"{what} has at most {OfferLimits.MaxDecimals} decimals.");
    }

    /// <summary>A new open offer carrying these terms; the caller has validated them.</summary>
    public Offer ToOffer(long conversationId, int organizationId, string userId, DateTimeOffset now, long? previousOfferId = null) =>
        Kind == OfferKind.Licence ? ToLicenceOffer(conversationId, organizationId, userId, now, previousOfferId) : new Offer
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

    /// <summary>
    /// A licence offer keeps its terms in the sheet; the supply columns hold neutral values (the
    /// sheet's currency, unit "licence") so every offer row has the same shape.
    /// </summary>
    private Offer ToLicenceOffer(long conversationId, int organizationId, string userId, DateTimeOffset now, long? previousOfferId)
    {
        var sheet = Licence!.Normalised();
        return new Offer
        {
            ConversationId = conversationId,
            PreviousOfferId = previousOfferId,
            ProposedByOrganizationId = organizationId,
            ProposedByUserId = userId,
            State = OfferState.Proposed,
            Kind = OfferKind.Licence,
            Licence = sheet,
            Currency = sheet.Currency ?? sheet.Milestones.FirstOrDefault()?.Currency ?? "",
            Unit = "licence",
            Incoterm = "",
            ValidUntil = ValidUntil,
            Notes = string.IsNullOrWhiteSpace(Notes) ? null : Notes.Trim(),
            CreatedAt = now,
        };
    }
}
