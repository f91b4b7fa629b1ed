using GvcMatch.Matching;
using GvcMatch.Web.Features.Profiles;
using static GvcMatch.Web.Tests.Infrastructure.Samples;

namespace GvcMatch.Web.Tests.Matching;

/// <summary>
/// A small labelled data set for matching: twelve SMEs in seven countries and four requirements.
/// The labels are a buyer's judgement written down before looking at any ranking: 3 is an obvious
/// fit, 2 a good one, 1 marginal, 0 irrelevant or disqualified. Expired certificates (S3's ISO 9001,
/// S8's ISO 13485, S1's IATF 16949) are there to prove they are not counted as held.
/// </summary>
public static class MatchingDataSet
{
    public static readonly IReadOnlyList<LabelledRequirement> Requirements =
    [
        new("R1", "Machined aluminium housings", "CNC-machined housings for a sensor line, anodised.",
        [
            new Criterion { Kind = CriterionKind.CertificationHeld, Mandatory = true, Standard = "ISO 9001" },
            new Criterion { Kind = CriterionKind.CapabilityFit, Weight = 60, Keywords = ["cnc milling", "anodising"] },
            new Criterion { Kind = CriterionKind.LeadTimeAtMost, Weight = 40, Days = 30 },
        ], ["S3", "S6", "S7", "S8", "S9", "S10", "S11"]),
        new("R2", "Moulded parts for a medical device", "Injection-moulded housings assembled in a cleanroom.",
        [
            new Criterion { Kind = CriterionKind.CertificationHeld, Mandatory = true, Standard = "ISO 13485" },
            new Criterion { Kind = CriterionKind.CapacityAtLeast, Mandatory = true, Minimum = 10000, Unit = "pieces" },
            new Criterion { Kind = CriterionKind.CapabilityFit, Weight = 70, Keywords = ["injection moulding", "cleanroom assembly"] },
            new Criterion { Kind = CriterionKind.ExportExperience, Weight = 30, Countries = ["DE"] },
        ], ["S1", "S2", "S3", "S4", "S7", "S8", "S9", "S10", "S11", "S12"]),
        new("R3", "Sheet-metal enclosures from South-East Asia", "Laser-cut, bent and powder-coated steel enclosures.",
        [
            new Criterion { Kind = CriterionKind.LocationIn, Mandatory = true, Countries = ["VN", "TH", "MY"] },
            new Criterion { Kind = CriterionKind.CapabilityFit, Weight = 50, Keywords = ["laser cutting", "sheet metal bending", "powder coating"] },
            new Criterion { Kind = CriterionKind.CertificationHeld, Weight = 20, Standard = "ISO 14001" },
            new Criterion { Kind = CriterionKind.LeadTimeAtMost, Weight = 30, Days = 21 },
        ], ["S1", "S2", "S3", "S4", "S5", "S6", "S7", "S8", "S11"]),
        new("R4", "Automotive aluminium castings", "Die-cast and machined brackets for a car platform.",
        [
            new Criterion { Kind = CriterionKind.CertificationHeld, Mandatory = true, Standard = "IATF 16949" },
            new Criterion { Kind = CriterionKind.CapabilityFit, Weight = 50, Keywords = ["aluminium die casting", "cnc machining"] },
            new Criterion { Kind = CriterionKind.CapacityAtLeast, Weight = 30, Minimum = 50000, Unit = "pieces" },
            new Criterion { Kind = CriterionKind.VerifiedSupplier, Weight = 20 },
        ], ["S1", "S2", "S5", "S6", "S7", "S8", "S9", "S10", "S11"]),
    ];

    public static readonly IReadOnlyList<LabelledSme> Smes =
    [
        Sme("S1", "DE", "Precision machining of aluminium parts.", ["cnc milling", "anodising", "cnc machining"],
            [Cert("ISO 9001", 400), Cert("IATF 16949", -10)], 20000, 21, ["FR", "AT"], new() { ["R1"] = 3 }),
        Sme("S2", "DE", "Jobbing machine shop.", ["cnc milling", "anodising"], [Cert("ISO 9001", 300)], 5000, 45, [], new() { ["R1"] = 2 }),
        Sme("S3", "PL", "Machining and casting for industry.", ["cnc milling", "anodising", "cnc machining"],
            [Cert("ISO 9001", -30), Cert("IATF 16949", 500)], 30000, 14, ["DE"], new() { ["R4"] = 2 }),
        Sme("S4", "CZ", "Surface finishing and light casting.", ["anodising", "powder coating", "aluminium die casting"],
            [Cert("ISO 9001", 200), Cert("IATF 16949", 200)], 8000, 28, ["DE"], new() { ["R1"] = 1, ["R4"] = 1 }),
        Sme("S5", "DE", "Plastics moulding with a small machining cell.", ["injection moulding", "cleanroom assembly", "cnc milling"],
            [Cert("ISO 13485", 365), Cert("ISO 9001", 365)], 50000, 35, ["FR", "US"], new() { ["R1"] = 1, ["R2"] = 2 }),
        Sme("S6", "HU", "Medical plastics.", ["injection moulding", "cleanroom assembly"], [Cert("ISO 13485", 365)], 20000, 30, ["DE", "AT"],
            new() { ["R2"] = 3 }),
        Sme("S7", "PL", "Small-batch moulding.", ["injection moulding"], [Cert("ISO 13485", 365)], 5000, 20, ["DE"], new() { ["R2"] = 1 }),
        Sme("S8", "IT", "High-volume moulding.", ["injection moulding", "cleanroom assembly"], [Cert("ISO 13485", -1)], 100000, 25, ["DE"],
            new()),
        Sme("S9", "VN", "Sheet-metal fabrication.", ["laser cutting", "sheet metal bending", "powder coating"], [Cert("ISO 14001", 365)],
            15000, 18, ["JP", "US"], new() { ["R3"] = 3 }),
        Sme("S10", "TH", "Laser job shop.", ["laser cutting", "sheet metal bending"], [], 10000, 25, ["JP"], new() { ["R3"] = 2 }),
        Sme("S11", "CN", "Enclosure maker.", ["laser cutting", "sheet metal bending", "powder coating"], [Cert("ISO 14001", 365)],
            80000, 15, ["US", "DE"], new()),
        Sme("S12", "MY", "Aluminium foundry with machining.", ["aluminium die casting", "cnc machining"],
            [Cert("IATF 16949", 365), Cert("ISO 9001", 365)], 60000, 28, ["DE", "JP"], new() { ["R1"] = 1, ["R4"] = 3 }, verified: true),
    ];

    private static CertificationInput Cert(string standard, int validForDays) => new(standard, "TUV", $"C-{standard.Replace(' ', '-')}", InDays(validForDays));

    private static LabelledSme Sme(string key, string country, string summary, List<string> capabilities, List<CertificationInput> certs,
        decimal capacity, int leadTime, List<string> exports, Dictionary<string, int> labels, bool verified = false) =>
        new(key, country, verified, new ProfileInput
        {
            Summary = summary,
            Capabilities = capabilities,
            Certifications = certs,
            MonthlyCapacity = capacity,
            CapacityUnit = "pieces",
            LeadTimeDays = leadTime,
            ExportMarkets = exports,
            Languages = ["en"],
        }, labels);
}
