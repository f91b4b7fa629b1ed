using System.Text.Json.Serialization;
using GvcMatch.Web.Features.Offers;
using GvcMatch.Web.Features.Requirements;
using GvcMatch.Web.Infrastructure;

namespace GvcMatch.Web.Features.Bids;

/// <summary>
/// A bid as the bidder sends it (create and edit). It carries no weights: the weights are the
/// buyer's published ones, so unknown fields such as "weight" are refused rather than ignored.
/// </summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record BidInput
{
    /// <summary>On create: bid for this consortium (the caller's organisation must lead it). Otherwise the bid's own party.</summary>
    public int? ConsortiumId { get; init; }
    public List<int> Lots { get; init; } = [];
    public List<BidAnswerInput> Answers { get; init; } = [];
    public decimal? Price { get; init; }
    public string? Currency { get; init; }
    public string? PriceBasis { get; init; }
    public int? LeadTimeDays { get; init; }
    public string? Incoterms { get; init; }
    public int? PaymentTermsDays { get; init; }
    public DateOnly? ValidUntil { get; init; }
    public string? Notes { get; init; }
    public List<SubcontractorInput> Subcontractors { get; init; } = [];

    /// <summary>Checks the fields a draft may hold; completeness is checked on submission (<see cref="BidRules.CheckComplete"/>).</summary>
    public void Validate(Errors errors, Requirement requirement, ReferenceData.ReferenceData reference, DateOnly today)
    {
        BidRules.CheckAnswers(errors, Answers, requirement);
        BidRules.CheckLots(errors, Lots, requirement);
        if (Price is < 0) errors.Add("price", "The price cannot be negative.");
        else if (Price > OfferLimits.MaxAmount) errors.Add("price", "The price is too large.");
        else if (Price is { } p && decimal.Round(p, OfferLimits.MaxDecimals) != p) errors.Add("price", $"The price has at most {OfferLimits.MaxDecimals} decimals.");
        if (!string.IsNullOrWhiteSpace(Currency) && !reference.Contains("currencies", Currency.Trim().ToUpperInvariant()))
            errors.Add("currency", $"Unknown ISO 4217 currency code '{Currency}'.");
        errors.MaxLength("priceBasis", PriceBasis?.Trim(), 100);
        if (LeadTimeDays is < 0 or > OfferLimits.MaxLeadTimeDays) errors.Add("leadTimeDays", $"Lead time is 0 to {OfferLimits.MaxLeadTimeDays} days.");
        if (!string.IsNullOrWhiteSpace(Incoterms) && !Offers.Incoterms.IsRule(Incoterms.Trim()))
            errors.Add("incoterms", $"Unknown Incoterms 2020 rule '{Incoterms}'; use one of {string.Join(", ", Offers.Incoterms.Rules)}.");
        if (PaymentTermsDays is < 0 or > OfferLimits.MaxPaymentTermsDays)
            errors.Add("paymentTermsDays", $"Payment terms are 0 to {OfferLimits.MaxPaymentTermsDays} days.");
        if (ValidUntil is { } until && until < today) errors.Add("validUntil", $"The bid must be valid at least until today ({today:yyyy-MM-dd}).");
        errors.MaxLength("notes", Notes?.Trim(), BidLimits.Notes);
        BidRules.CheckSubcontractors(errors, Subcontractors, reference);
    }

    public void ApplyTo(Bid bid)
    {
        bid.Lots = Lots.Distinct().Order().ToList();
        bid.Price = Price;
        bid.Currency = Blank(Currency)?.ToUpperInvariant();
        bid.PriceBasis = Blank(PriceBasis);
        bid.LeadTimeDays = LeadTimeDays;
        bid.Incoterms = Blank(Incoterms)?.ToUpperInvariant();
        bid.PaymentTermsDays = PaymentTermsDays;
        bid.ValidUntil = ValidUntil;
        bid.Notes = Blank(Notes);
        // Answers are kept by criterion so their ids survive an edit; blank answers are dropped.
        var wanted = Answers.Where(a => !a.IsBlank).ToDictionary(a => a.Criterion);
        bid.Answers.RemoveAll(a => !wanted.ContainsKey(a.CriterionIndex));
        foreach (var (index, input) in wanted)
        {
            var answer = bid.Answers.FirstOrDefault(a => a.CriterionIndex == index);
            if (answer is null) bid.Answers.Add(answer = new BidAnswer { CriterionIndex = index });
            answer.Value = Blank(input.Value);
            answer.Number = input.Number;
            answer.Evidence = Blank(input.Evidence);
        }
        bid.Subcontractors.Clear();
        bid.Subcontractors.AddRange(Subcontractors.Select(s => new BidSubcontractor
        {
            Name = s.Name!.Trim(), OrganizationId = s.OrganizationId, Country = Blank(s.Country)?.ToUpperInvariant(), Work = s.Work!.Trim(),
            SharePercent = s.SharePercent,
        }));
    }

    public static BidInput From(Bid b) => new()
    {
        ConsortiumId = b.ConsortiumId, Lots = b.Lots.ToList(),
        Answers = b.Answers.OrderBy(a => a.CriterionIndex).Select(a => new BidAnswerInput { Criterion = a.CriterionIndex, Value = a.Value, Number = a.Number, Evidence = a.Evidence }).ToList(),
        Price = b.Price, Currency = b.Currency, PriceBasis = b.PriceBasis, LeadTimeDays = b.LeadTimeDays, Incoterms = b.Incoterms,
        PaymentTermsDays = b.PaymentTermsDays, ValidUntil = b.ValidUntil, Notes = b.Notes,
        Subcontractors = b.Subcontractors.Select(s => new SubcontractorInput
        {
            Name = s.Name, OrganizationId = s.OrganizationId, Country = s.Country, Work = s.Work, SharePercent = s.SharePercent,
        }).ToList(),
    };

    internal static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}

/// <summary>The answer to one criterion, named by its 0-based index in the requirement's criteria (C1 is 0).</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record BidAnswerInput
{
    public int Criterion { get; init; }
    public string? Value { get; init; }
    public decimal? Number { get; init; }
    public string? Evidence { get; init; }

    [JsonIgnore]
    public bool IsBlank => string.IsNullOrWhiteSpace(Value) && Number is null && string.IsNullOrWhiteSpace(Evidence);
}

[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record SubcontractorInput
{
    public string? Name { get; init; }
    public int? OrganizationId { get; init; }
    public string? Country { get; init; }
    public string? Work { get; init; }
    public decimal? SharePercent { get; init; }
}
