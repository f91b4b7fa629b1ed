using GvcMatch.Web.Infrastructure;

namespace GvcMatch.Web.Features.IpListings;

/// <summary>The editable fields of an IP listing, shared by the API, the pages and the import.</summary>
public sealed record IpListingInput
{
    /// <summary>Optional; when given it must be the caller's own organisation.</summary>
    public int? OrganizationId { get; init; }
    public IpKind Kind { get; init; }
    public string Title { get; init; } = "";
    public string Abstract { get; init; } = "";
    public List<string> IpcClasses { get; init; } = [];
    public List<string> Jurisdictions { get; init; } = [];
    public string? ApplicationNumber { get; init; }
    public string? GrantNumber { get; init; }
    public IpLegalStatus LegalStatus { get; init; }
    public int? ReadinessLevel { get; init; }
    public List<IpOfferType> OfferTypes { get; init; } = [];
    public string? IndicativeTerms { get; init; }

    /// <summary>Optional structured terms on offer; validated under "terms.".</summary>
    public TermSheet? Terms { get; init; }

    /// <summary>Optional: what the SME seeks; validated under "seeking.".</summary>
    public IpSeeking? Seeking { get; init; }

    /// <summary>Regional offices accepted as jurisdictions besides ISO 3166 countries.</summary>
    public static readonly string[] RegionalJurisdictions = ["EP", "WO", "EM", "OA", "AP", "EA"];

    public void Validate(Errors errors, ReferenceData.ReferenceData reference, string prefix = "")
    {
        if (!Enum.IsDefined(Kind)) errors.Add(prefix + "kind", "Unknown IP kind.");
        errors.Required(prefix + "title", Title, IpListingLimits.Title);
        errors.MaxLength(prefix + "abstract", Abstract, IpListingLimits.Abstract);
        errors.Codes(prefix + "ipcClasses", IpcClasses, reference.IsIpc, "IPC class");
        errors.Codes(prefix + "jurisdictions", Jurisdictions,
            j => reference.IsCountry(j) || RegionalJurisdictions.Contains(j, StringComparer.OrdinalIgnoreCase), "jurisdiction");
        errors.MaxLength(prefix + "applicationNumber", ApplicationNumber, IpListingLimits.Number);
        errors.MaxLength(prefix + "grantNumber", GrantNumber, IpListingLimits.Number);
        if (!Enum.IsDefined(LegalStatus)) errors.Add(prefix + "legalStatus", "Unknown legal status.");
        if (LegalStatus == IpLegalStatus.Granted && string.IsNullOrWhiteSpace(GrantNumber))
            errors.Add(prefix + "grantNumber", "A granted right needs its grant number.");
        if (ReadinessLevel is < 1 or > 9) errors.Add(prefix + "readinessLevel", "Technology readiness level is 1 to 9.");
        if (OfferTypes is null || OfferTypes.Count == 0) errors.Add(prefix + "offerTypes", "Say how the IP is offered (licence, sale, co-development).");
        else if (OfferTypes.Any(o => !Enum.IsDefined(o))) errors.Add(prefix + "offerTypes", "Unknown offer type.");
        errors.MaxLength(prefix + "indicativeTerms", IndicativeTerms, IpListingLimits.Terms);
        Terms?.Validate(errors, reference, prefix + "terms.");
        Seeking?.Validate(errors, reference, prefix + "seeking.");
    }

    public void ApplyTo(IpListing ip)
    {
        ip.Kind = Kind;
        ip.Title = Title.Trim();
        ip.Abstract = Abstract.Trim();
        ip.IpcClasses = IpcClasses.Select(c => c.Trim().ToUpperInvariant()).Distinct().ToList();
        ip.Jurisdictions = Jurisdictions.Select(c => c.Trim().ToUpperInvariant()).Distinct().ToList();
        ip.ApplicationNumber = ApplicationNumber?.Trim();
        ip.GrantNumber = GrantNumber?.Trim();
        ip.LegalStatus = LegalStatus;
        ip.ReadinessLevel = ReadinessLevel;
        ip.OfferTypes = OfferTypes.Distinct().ToList();
        ip.IndicativeTerms = IndicativeTerms?.Trim();
        ip.OfferedTerms = Terms?.Normalised();
        ip.Seeking = Seeking?.Normalised();
    }

    public static IpListingInput From(IpListing ip) => new()
    {
        OrganizationId = ip.OrganizationId, Kind = ip.Kind, Title = ip.Title, Abstract = ip.Abstract, IpcClasses = ip.IpcClasses,
        Jurisdictions = ip.Jurisdictions, ApplicationNumber = ip.ApplicationNumber, GrantNumber = ip.GrantNumber,
        LegalStatus = ip.LegalStatus, ReadinessLevel = ip.ReadinessLevel, OfferTypes = ip.OfferTypes, IndicativeTerms = ip.IndicativeTerms,
        Terms = ip.OfferedTerms, Seeking = ip.Seeking,
    };
}
