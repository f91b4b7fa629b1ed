using System.Text.Json.Serialization;
using GvcMatch.Web.Infrastructure;

namespace GvcMatch.Web.Features.IpListings;

// Enums are written by name everywhere (REST, the hub, the stored JSON): the hub has no global enum converter.
/// <summary>How the right changes hands: one of three licences, an outright sale, or developing it further together.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<DealKind>))]
public enum DealKind { ExclusiveLicence, SoleLicence, NonExclusiveLicence, Sale, CoDevelopment }

/// <summary>Who owns improvements made to the licensed technology during the deal.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ImprovementsOwner>))]
public enum ImprovementsOwner { Licensor, Licensee, Joint, EachOwnsItsOwn }

/// <summary>The partner an SME looks for with a listing.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<SoughtPartner>))]
public enum SoughtPartner { Licensee, CoDevelopmentPartner, Manufacturer }

/// <summary>A payment due when something is reached, e.g. "Regulatory approval", 50,000 EUR.</summary>
public sealed record Milestone(string Label, decimal Amount, string Currency);

/// <summary>
/// The terms of a licence, sale or co-development: what an IP listing offers, and what a licence
/// offer proposes in a conversation. Stored as one JSON text column; it is always read and
/// written whole, on SQLite and PostgreSQL alike.
/// </summary>
public sealed record TermSheet
{
    public DealKind Kind { get; init; }
    public string? FieldOfUse { get; init; }

    /// <summary>ISO 3166 countries or region codes from the region lists (e.g. EU, ASEAN).</summary>
    public List<string> Territory { get; init; } = [];
    public int? TermYears { get; init; }
    public bool SublicensingAllowed { get; init; }
    public ImprovementsOwner? Improvements { get; init; }
    public decimal? RoyaltyPercent { get; init; }
    public decimal? LumpSum { get; init; }

    /// <summary>ISO 4217 code of the lump sum.</summary>
    public string? Currency { get; init; }
    public List<Milestone> Milestones { get; init; } = [];

    public bool IsLicence => Kind is DealKind.ExclusiveLicence or DealKind.SoleLicence or DealKind.NonExclusiveLicence;

    public bool StatesPayment => RoyaltyPercent is not null || LumpSum is not null || Milestones.Count > 0;

    /// <summary>Checks every field; <paramref name="prefix"/> is the JSON path of the sheet ("terms." or "licence.").</summary>
    public void Validate(Errors errors, ReferenceData.ReferenceData reference, string prefix)
    {
        if (!Enum.IsDefined(Kind)) errors.Add(prefix + "kind", "Kind is ExclusiveLicence, SoleLicence, NonExclusiveLicence, Sale or CoDevelopment.");
        errors.MaxLength(prefix + "fieldOfUse", FieldOfUse?.Trim(), TermSheetLimits.FieldOfUse);
        errors.Codes(prefix + "territory", Territory, c => IsTerritory(reference, c), "country or region");
        if (IsLicence && (Territory is null || Territory.Count == 0))
            errors.Add(prefix + "territory", "A licence names its territory: countries or regions.");
        if (TermYears is < 1 or > TermSheetLimits.MaxTermYears) errors.Add(prefix + "termYears", $"The term is 1 to {TermSheetLimits.MaxTermYears} years.");
        else if (IsLicence && TermYears is null) errors.Add(prefix + "termYears", "A licence names its term in years.");
        if (Improvements is { } owner && !Enum.IsDefined(owner)) errors.Add(prefix + "improvements", "Improvements belong to Licensor, Licensee, Joint or EachOwnsItsOwn.");
        if (RoyaltyPercent is { } royalty && (royalty <= 0 || royalty > 100 || decimal.Round(royalty, 2) != royalty))
            errors.Add(prefix + "royaltyPercent", "A royalty is more than 0 and at most 100 percent, with at most 2 decimals.");
        if (LumpSum is { } sum)
        {
            Amount(errors, prefix + "lumpSum", sum);
            CheckCurrency(errors, reference, prefix + "currency", Currency);
        }
        if (Milestones is null) return;
        if (Milestones.Count > TermSheetLimits.MaxMilestones) errors.Add(prefix + "milestones", $"At most {TermSheetLimits.MaxMilestones} milestones.");
        for (var i = 0; i < Milestones.Count; i++)
        {
            var m = Milestones[i];
            var at = $"{prefix}milestones[{i}].";
            errors.Required(at + "label", m.Label, TermSheetLimits.MilestoneLabel);
            Amount(errors, at + "amount", m.Amount);
            CheckCurrency(errors, reference, at + "currency", m.Currency);
        }
    }

    public static bool IsTerritory(ReferenceData.ReferenceData reference, string code) =>
        reference.IsCountry(code.Trim().ToUpperInvariant()) || GvcMatch.Matching.Places.RegionRegistry.Default.Find(code) is not null;

    private static void Amount(Errors errors, string field, decimal value)
    {
        if (value <= 0) errors.Add(field, "The amount must be greater than 0.");
        else if (value > TermSheetLimits.MaxAmount) errors.Add(field, "The amount is too large.");
        else if (decimal.Round(value, 2) != value) errors.Add(field, "The amount has at most 2 decimals.");
    }

    private static void CheckCurrency(Errors errors, ReferenceData.ReferenceData reference, string field, string? code)
    {
        if (string.IsNullOrWhiteSpace(code)) errors.Add(field, "Give the ISO 4217 currency code, e.g. EUR.");
        else if (!reference.Contains("currencies", code.Trim().ToUpperInvariant())) errors.Add(field, $"Unknown ISO 4217 currency code '{code}'.");
    }

    /// <summary>The sheet as stored: trimmed, codes upper case, duplicates gone. The caller has validated it.</summary>
    public TermSheet Normalised() => this with
    {
        FieldOfUse = string.IsNullOrWhiteSpace(FieldOfUse) ? null : FieldOfUse.Trim(),
        Territory = Territory.Select(NormaliseTerritory).Distinct().ToList(),
        Currency = string.IsNullOrWhiteSpace(Currency) ? null : Currency.Trim().ToUpperInvariant(),
        Milestones = Milestones.Select(m => new Milestone(m.Label.Trim(), m.Amount, m.Currency.Trim().ToUpperInvariant())).ToList(),
    };

    /// <summary>Countries are written upper case; region codes as the region list spells them.</summary>
    private static string NormaliseTerritory(string code) =>
        GvcMatch.Matching.Places.RegionRegistry.Default.Find(code.Trim()) is { } region ? region.Code : code.Trim().ToUpperInvariant();
}

/// <summary>What the SME looks for with a listing: which partners, and where.</summary>
public sealed record IpSeeking
{
    public List<SoughtPartner> Partners { get; init; } = [];

    /// <summary>Where the partner should be or work: countries or region codes.</summary>
    public List<string> Territories { get; init; } = [];
    public string? Note { get; init; }

    public void Validate(Errors errors, ReferenceData.ReferenceData reference, string prefix)
    {
        if (Partners is null || Partners.Count == 0) errors.Add(prefix + "partners", "Say which partner is sought: Licensee, CoDevelopmentPartner or Manufacturer.");
        else if (Partners.Any(p => !Enum.IsDefined(p))) errors.Add(prefix + "partners", "Partners are Licensee, CoDevelopmentPartner or Manufacturer.");
        errors.Codes(prefix + "territories", Territories, c => TermSheet.IsTerritory(reference, c), "country or region");
        errors.MaxLength(prefix + "note", Note?.Trim(), TermSheetLimits.SeekingNote);
    }

    public IpSeeking Normalised() => this with
    {
        Partners = Partners.Distinct().ToList(),
        Territories = Territories.Select(t => new TermSheet { Territory = [t] }.Normalised().Territory[0]).Distinct().ToList(),
        Note = string.IsNullOrWhiteSpace(Note) ? null : Note.Trim(),
    };
}

public static class TermSheetLimits
{
    public const int FieldOfUse = 300;
    public const int MaxTermYears = 50;
    public const int MaxMilestones = 10;
    public const int MilestoneLabel = 100;
    public const int SeekingNote = 500;
    public const decimal MaxAmount = 999_999_999_999m;
}
