using GvcMatch.Matching;
using GvcMatch.Web.Features.IpListings;
using GvcMatch.Web.Features.Profiles;
using GvcMatch.Web.Features.Requirements;

namespace GvcMatch.Web.Tests.Infrastructure;

/// <summary>Valid request bodies that tests start from and then spoil one field at a time.</summary>
public static class Samples
{
    public static DateOnly InDays(int days) => DateOnly.FromDateTime(DateTime.UtcNow).AddDays(days);

    public static RequirementInput Requirement(string title = "Machined aluminium housings") => new()
    {
        Title = title,
        Description = "CNC-machined housings for a sensor line, anodised.",
        IsicCodes = ["2599"],
        HsCodes = ["7616"],
        Quantity = 5000,
        QuantityUnit = "pieces",
        QuantityPeriod = QuantityPeriod.Year,
        DeliveryCountry = "DE",
        DeliveryCity = "Stuttgart",
        ResponseDeadline = InDays(30),
        ContractStart = InDays(60),
        ContractMonths = 24,
        Criteria =
        [
            new Criterion { Kind = CriterionKind.CertificationHeld, Mandatory = true, Standard = "ISO 9001" },
            new Criterion { Kind = CriterionKind.CapabilityFit, Weight = 60, Keywords = ["cnc milling", "anodising"] },
            new Criterion { Kind = CriterionKind.LeadTimeAtMost, Weight = 40, Days = 30 },
        ],
    };

    public static ProfileInput Profile(string summary = "Precision CNC machining of aluminium and steel parts.") => new()
    {
        Summary = summary,
        Capabilities = ["cnc milling", "anodising"],
        Materials = ["aluminium"],
        Equipment = ["5-axis machining centre"],
        IsicCodes = ["2592"],
        HsCodes = ["7616"],
        Certifications = [new CertificationInput("ISO 9001", "TUV", "Q-123", InDays(400))],
        MonthlyCapacity = 20000,
        CapacityUnit = "pieces",
        LeadTimeDays = 21,
        ExportMarkets = ["FR", "AT"],
        Languages = ["de", "en"],
    };

    public static IpListingInput IpListing(string title = "Low-friction bearing coating") => new()
    {
        Kind = IpKind.Patent,
        Title = title,
        Abstract = "A coating that halves friction in dry-running plain bearings.",
        IpcClasses = ["F16C"],
        Jurisdictions = ["DE", "EP"],
        ApplicationNumber = "EP1234567",
        LegalStatus = IpLegalStatus.Filed,
        ReadinessLevel = 6,
        OfferTypes = [IpOfferType.NonExclusiveLicence],
    };
}
