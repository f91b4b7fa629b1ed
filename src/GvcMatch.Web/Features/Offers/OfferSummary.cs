using System.Globalization;

namespace GvcMatch.Web.Features.Offers;

/// <summary>
/// The one-line texts that offer messages and notifications carry, e.g.
/// "Aiko (Kawaguchi Precision) countered: 12,000 pcs at EUR 4.20, FCA Niigata, lead time 45 days".
/// Invariant culture: the line is stored once and read by both parties, wherever they are.
/// </summary>
public static class OfferSummary
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string Quantity(Offer o) => $"{o.Quantity.ToString("#,0.####", Invariant)} {o.Unit}";

    public static string Price(Offer o) => $"{o.Currency} {o.Price.ToString("#,0.00##", Invariant)}";

    public static string Delivery(Offer o) => o.DeliveryPlace is null ? o.Incoterm : $"{o.Incoterm} {o.DeliveryPlace}";

    /// <summary>"12,000 pcs at EUR 4.20, FCA Niigata, lead time 45 days, payment 30 days, valid until 2026-12-31".</summary>
    public static string Terms(Offer o) => o.Licence is { } sheet ? $"{Licence(sheet)}, valid until {o.ValidUntil:yyyy-MM-dd}" :
        $"{Quantity(o)} at {Price(o)}, {Delivery(o)}, lead time {o.LeadTimeDays} days, payment {o.PaymentTermsDays} days, valid until {o.ValidUntil:yyyy-MM-dd}";

    /// <summary>Short form for decisions on terms already shown: "12,000 pcs at EUR 4.20, FCA Niigata".</summary>
    public static string Short(Offer o) => o.Licence is { } sheet ? Licence(sheet) : $"{Quantity(o)} at {Price(o)}, {Delivery(o)}";

    /// <summary>"exclusive licence, DE, ASEAN, 10 years, royalty 3.5%, lump sum EUR 25,000.00, 1 milestone".</summary>
    public static string Licence(IpListings.TermSheet t)
    {
        var parts = new List<string> { string.Concat(t.Kind.ToString().Select((c, i) => i > 0 && char.IsUpper(c) ? " " + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString())) };
        if (t.Territory.Count > 0) parts.Add(string.Join(" ", t.Territory));
        if (t.TermYears is { } years) parts.Add($"{years} years");
        if (t.RoyaltyPercent is { } royalty) parts.Add($"royalty {royalty.ToString("0.##", Invariant)}%");
        if (t.LumpSum is { } sum) parts.Add($"lump sum {t.Currency} {sum.ToString("#,0.00", Invariant)}");
        if (t.Milestones.Count > 0) parts.Add(t.Milestones.Count == 1 ? "1 milestone" : $"{t.Milestones.Count} milestones");
        return string.Join(", ", parts);
    }

    public static string Proposed(string who, Offer o) => $"{who} proposed: {Terms(o)}";

    public static string Countered(string who, Offer o) => $"{who} countered: {Terms(o)}";

    public static string Decided(string who, OfferState state, Offer o) => state switch
    {
        OfferState.Accepted => $"{who} accepted the offer: {Short(o)}",
        OfferState.Rejected => $"{who} rejected the offer: {Short(o)}",
        OfferState.Withdrawn => $"{who} withdrew the offer: {Short(o)}",
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, "Not a decision."),
    };

    public static string Expired(Offer o) => $"The offer of {Short(o)} expired unanswered after {o.ValidUntil:yyyy-MM-dd}";
}
