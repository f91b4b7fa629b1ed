namespace GvcMatch.Web.Features.Offers;

/// <summary>Why an offer operation was refused; the hub sends the code, REST maps it to a status.</summary>
public enum OfferRefusal { Invalid, NotFound, Forbidden, Conflict }

/// <summary>The offer an operation produced, or why it was refused (with field errors for Invalid).</summary>
public sealed record OfferOutcome(OfferDto? Offer, OfferRefusal? Refusal = null, string? Detail = null, IDictionary<string, string[]>? Fields = null)
{
    public static OfferOutcome Done(OfferDto offer) => new(offer);

    public static OfferOutcome Refused(OfferRefusal refusal, string detail, IDictionary<string, string[]>? fields = null) =>
        new(null, refusal, detail, fields);

    /// <summary>The protocol's error code: invalid, not_found, forbidden or conflict.</summary>
    public string? Code => Refusal switch
    {
        OfferRefusal.Invalid => "invalid",
        OfferRefusal.NotFound => "not_found",
        OfferRefusal.Forbidden => "forbidden",
        OfferRefusal.Conflict => "conflict",
        _ => null,
    };

    /// <summary>One line for a hub error: the detail, then each field's first message.</summary>
    public string Describe() => Fields is null || Fields.Count == 0
        ? Detail ?? ""
        : $"{Detail} " + string.Join("; ", Fields.Select(f => $"{f.Key}: {f.Value.FirstOrDefault()}"));
}
