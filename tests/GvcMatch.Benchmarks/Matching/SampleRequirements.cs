using GvcMatch.Matching;
using GvcMatch.Web.Features.Requirements;

namespace GvcMatch.Benchmarks.Matching;

/// <summary>
/// Five buyer requirements of the kinds the marketplace sees: a mandatory certificate, often a
/// mandatory region, and weighted capability, capacity, lead time and location criteria.
/// </summary>
public static class SampleRequirements
{
    public static readonly (string Title, List<Criterion> Criteria)[] All =
    [
        ("Titanium brackets, 5-axis machined", [
            Cert("ISO 9001"),
            new() { Kind = CriterionKind.LocationIn, Mandatory = true, Countries = ["DE", "IT", "ES", "FR", "PL", "CZ", "PT", "AT"] },
            new() { Kind = CriterionKind.CapabilityFit, Weight = 40, Keywords = ["CNC machining", "5-axis milling", "titanium"] },
            new() { Kind = CriterionKind.CapacityAtLeast, Weight = 20, Minimum = 5_000, Unit = "pieces" },
            new() { Kind = CriterionKind.LeadTimeAtMost, Weight = 20, Days = 30 },
            new() { Kind = CriterionKind.VerifiedSupplier, Weight = 20 },
        ]),
        ("SMT assembly of controller boards", [
            Cert("ISO 9001"),
            new() { Kind = CriterionKind.CapabilityFit, Weight = 50, Keywords = ["SMT assembly", "PCB assembly", "functional testing"] },
            new() { Kind = CriterionKind.CapacityAtLeast, Weight = 20, Minimum = 50_000, Unit = "pieces" },
            new() { Kind = CriterionKind.LeadTimeAtMost, Weight = 20, Days = 21 },
            new() { Kind = CriterionKind.LocationIn, Weight = 10, Countries = ["MX", "US", "CA"] },
        ]),
        ("Private-label olive oil, co-packed", [
            Cert("FSSC 22000"),
            new() { Kind = CriterionKind.LocationIn, Mandatory = true, Countries = ["ES", "IT", "PT", "GR", "TR"] },
            new() { Kind = CriterionKind.CapabilityFit, Weight = 40, Keywords = ["co-packing", "private label", "bottling", "olive oil"] },
            new() { Kind = CriterionKind.CapacityAtLeast, Weight = 25, Minimum = 20_000, Unit = "kg" },
            new() { Kind = CriterionKind.LeadTimeAtMost, Weight = 15, Days = 28 },
            new() { Kind = CriterionKind.ExportExperience, Weight = 20, Countries = ["US", "GB"] },
        ]),
        ("Organic cotton T-shirts", [
            Cert("GOTS"),
            new() { Kind = CriterionKind.CapabilityFit, Weight = 50, Keywords = ["garment sewing", "cut and sew", "organic cotton"] },
            new() { Kind = CriterionKind.CapacityAtLeast, Weight = 20, Minimum = 10_000, Unit = "pieces" },
            new() { Kind = CriterionKind.LeadTimeAtMost, Weight = 15, Days = 45 },
            new() { Kind = CriterionKind.ExportExperience, Weight = 15, Countries = ["DE", "FR"] },
        ]),
        ("Cleanroom-moulded medical housings", [
            Cert("ISO 13485"),
            new() { Kind = CriterionKind.CapabilityFit, Weight = 45, Keywords = ["injection moulding", "cleanroom moulding", "overmoulding", "silicone"] },
            new() { Kind = CriterionKind.CapacityAtLeast, Weight = 25, Minimum = 100_000, Unit = "pieces" },
            new() { Kind = CriterionKind.LeadTimeAtMost, Weight = 20, Days = 35 },
            new() { Kind = CriterionKind.LocationIn, Weight = 10, Countries = ["DE", "CZ", "PL", "HU", "SK"] },
        ]),
    ];

    /// <summary>The sample requirements as published entities (in memory, ids 1..5).</summary>
    public static List<Requirement> AsRequirements(int organizationId = 0) => All.Select((r, i) => new Requirement
    {
        Id = i + 1,
        Key = $"bench-requirement-{i + 1}",
        OrganizationId = organizationId,
        Title = r.Title,
        Description = $"{r.Title}: benchmark requirement.",
        Criteria = r.Criteria,
        Status = RequirementStatus.Published,
        Version = 1,
    }).ToList();

    private static Criterion Cert(string standard) => new() { Kind = CriterionKind.CertificationHeld, Mandatory = true, Standard = standard };
}
