using GvcMatch.Matching;
using GvcMatch.Matching.Understanding;
using GvcMatch.Web.Features.Organizations;
using GvcMatch.Web.Features.Requirements;
using Microsoft.Extensions.Localization;

namespace GvcMatch.Web.Features.Localization;

/// <summary>A label and the language it is written in (code lists exist in fewer languages than the interface).</summary>
public sealed record Label(string Text, string Language)
{
    public override string ToString() => Text;
}

/// <summary>
/// The one place criterion kinds, statuses, code lists and search facets get their human names
/// in the interface language, so pages, explanations and emails say the same thing.
/// </summary>
public sealed class Labels(IStringLocalizer<SharedResource> l, ReferenceData.ReferenceData reference, CapabilityVocabulary vocabulary)
{
    public string Kind(CriterionKind kind) => l[kind switch
    {
        CriterionKind.CapabilityFit => "Capabilities",
        CriterionKind.CertificationHeld => "Certificate held",
        CriterionKind.CapacityAtLeast => "Minimum capacity",
        CriterionKind.LeadTimeAtMost => "Maximum lead time",
        CriterionKind.LocationIn => "Location",
        CriterionKind.ExportExperience => "Export experience",
        CriterionKind.VerifiedSupplier => "Verified supplier",
        CriterionKind.CompanySize => "Company size",
        CriterionKind.DisclosureProvided => "Sustainability disclosure",
        _ => kind.ToString(),
    }];

    /// <summary>An organisation's kind as the admin lists show it (the short names people use on the platform).</summary>
    public string OrganizationKind(OrganizationKind kind) => l[kind switch
    {
        Organizations.OrganizationKind.Sme => "SME",
        Organizations.OrganizationKind.Mne => "MNE",
        _ => "Intermediary",
    }];

    public string Status(RequirementStatus status) => l[status switch
    {
        RequirementStatus.Draft => "Draft",
        RequirementStatus.Published => "Open",
        RequirementStatus.Closed => "Closed",
        RequirementStatus.Awarded => "Awarded",
        RequirementStatus.Cancelled => "Cancelled",
        _ => status.ToString(),
    }];

    public string Size(SizeBand band) => l[band switch
    {
        SizeBand.Micro => "Micro (under 10 staff)",
        SizeBand.Small => "Small (10–49 staff)",
        SizeBand.Medium => "Medium (50–249 staff)",
        _ => "Large (250+ staff)",
    }];

    public string Period(CapacityPeriod period) => l[period switch
    {
        CapacityPeriod.Year => "a year",
        CapacityPeriod.Once => "once",
        _ => "a month",
    }];

    /// <summary>The period a requirement's quantity is counted over, as the editor's choice ("Month").</summary>
    public string QuantityPeriod(QuantityPeriod period) => Capitalized(l[period switch
    {
        Requirements.QuantityPeriod.Once => "once",
        Requirements.QuantityPeriod.Week => "week",
        Requirements.QuantityPeriod.Quarter => "quarter",
        Requirements.QuantityPeriod.Year => "year",
        _ => "month",
    }]);

    public string IpKind(IpListings.IpKind kind) => l[kind switch
    {
        IpListings.IpKind.Patent => "Patent",
        IpListings.IpKind.UtilityModel => "Utility model",
        IpListings.IpKind.Design => "Design",
        IpListings.IpKind.Trademark => "Trademark",
        IpListings.IpKind.Software => "Software",
        _ => "Know-how",
    }];

    /// <summary>An evidence level as a label: the explanations' words ("document checked"), capitalised.</summary>
    public string Evidence(GvcMatch.Matching.Certifications.EvidenceLevel level) => Capitalized(l[level switch
    {
        GvcMatch.Matching.Certifications.EvidenceLevel.SelfDeclared => "self-declared",
        GvcMatch.Matching.Certifications.EvidenceLevel.DocumentChecked => "document checked",
        GvcMatch.Matching.Certifications.EvidenceLevel.VerifiedByIntermediary => "verified by an intermediary",
        _ => "verified by the issuer",
    }]);

    /// <summary>
    /// A phrase that also stands inside sentences, at the start of a label. Resource lookups ignore
    /// case, so a text is kept once, in the case it takes inside a sentence.
    /// </summary>
    public static string Capitalized(string text) =>
        text.Length == 0 ? text : char.ToUpper(text[0], System.Globalization.CultureInfo.CurrentCulture) + text[1..];

    public string Verified(bool verified) => l[verified ? "Verified" : "Not verified"];

    public string Country(string code) => CodeList("countries", code).Text;

    public string Language(string code) => CodeList("languages", code).Text;

    /// <summary>A code's name from the reference lists, in the interface language when that list is translated.</summary>
    public Label CodeList(string list, string code) =>
        reference.LocalNameOf(list, code, Languages.Current) is { } local ? new Label(local, Languages.Current)
        : reference.NameOf(list, code) is { } english ? new Label(english, "en")
        : new Label(code, "");

    /// <summary>The facet's heading on the search page.</summary>
    public string Facet(string field) => l[field switch
    {
        "country" => "Country",
        "isic" => "Activity (ISIC)",
        "hs" => "Product (HS)",
        "certification" => "Certification",
        "certificationMatch" => "Certificate details",
        "sizeBand" => "Company size",
        "verified" => "Verification",
        "exportMarket" => "Exports to",
        "language" => "Languages",
        "capacityRange" => "Monthly capacity",
        "capacityUnit" => "Capacity unit",
        "capacityMeasure" => "Capacity measure",
        "concept" => "Capability",
        "ipc" => "IPC class",
        "ipcSection" => "IPC section",
        "offerType" => "Offered as",
        "ipKind" => "Kind of IP",
        "legalStatus" => "Legal status",
        "jurisdiction" => "Jurisdiction",
        "status" => "Status",
        "organization" => "Organisation",
        _ => field,
    }];

    /// <summary>A facet value as words: country and language names, code descriptions, yes/no facts.</summary>
    public Label FacetValue(string field, string value) => field switch
    {
        "country" or "exportMarket" or "jurisdiction" => CodeList("countries", value),
        "language" => CodeList("languages", value),
        "isic" or "hs" or "ipc" => CodeList(field, value) is { Language.Length: > 0 } named ? named with { Text = $"{value} {named.Text}" } : new Label(value, ""),
        "verified" => Current(Verified(value == "true")),
        "sizeBand" => Enum.TryParse<SizeBand>(value, out var band) ? Current(Size(band)) : new Label(value, ""),
        "status" => Enum.TryParse<RequirementStatus>(value, out var status) ? Current(Status(status)) : new Label(value, ""),
        "ipKind" => Enum.TryParse<IpListings.IpKind>(value, out var ipKind) ? Current(IpKind(ipKind)) : new Label(value, ""),
        "concept" => vocabulary.Find(value) is { } concept ? Current(concept.PreferredLabel(Languages.Current)) : new Label(value, ""),
        _ => new Label(value, ""),
    };

    private static Label Current(string text) => new(text, Languages.Current);
}
