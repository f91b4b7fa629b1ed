using GvcMatch.Matching;
using GvcMatch.Matching.Understanding;
using GvcMatch.Matching.Tests.Understanding;
using static GvcMatch.Matching.Tests.Composition.Reference;

namespace GvcMatch.Matching.Tests.Composition;

/// <summary>A requirement that only a group of suppliers can meet, and the suppliers on offer.</summary>
public sealed record GroupCase(string Name, Criterion[] Criteria, SupplierFacts[] Suppliers, MatchContext? Context = null)
{
    public override string ToString() => Name;
}

/// <summary>Hand-made cases: roles, per-member certificates, capacity in one unit and in mixed units, decoys, paraphrase and Spanish.</summary>
public static class GroupOnlyCases
{
    private static readonly List<HeldCertificate> None = [];

    private static HeldCertificate Holds(string standard) => new(standard, Today.AddYears(1));

    private static Criterion Capacity(decimal minimum, string unit, CapacityPeriod? period = null) =>
        new() { Kind = CriterionKind.CapacityAtLeast, Mandatory = true, Minimum = minimum, Unit = unit, Period = period };

    public static IEnumerable<GroupCase> All()
    {
        // The information-security certificate is for the software partner only, the quality one for the machining partner.
        yield return new GroupCase("roles: a certificate for the software partner only",
            [
                Capability("cnc milling") with { Role = "machining" },
                Capability("embedded software") with { Role = "software" },
                Certificate("ISO/IEC 27001") with { Role = "software" },
                Certificate("ISO 9001") with { Role = "machining" },
            ],
            [
                Supplier(1, "cnc milling"),
                Supplier(2, "embedded software") with { Certifications = [Holds("ISO/IEC 27001")] },
                Supplier(3, "cnc milling") with { Certifications = None },
                Supplier(4, "embedded software"),
                // Offers both pieces but holds no ISO/IEC 27001: the machining partner at most, never the software one.
                Supplier(5, "cnc milling", "embedded software"),
            ]);

        // A social-audit certificate every member must hold; the complementary dyer without it is a decoy.
        yield return new GroupCase("per-member certificate: SA8000 for every member",
            [Capability("weaving"), Capability("dyeing"), Certificate("SA8000")],
            [
                Supplier(1, "weaving") with { Certifications = [Holds("SA8000")] },
                Supplier(2, "dyeing") with { Certifications = None },
                Supplier(3, "dyeing") with { Certifications = [Holds("SA8000")] },
                Supplier(4, "weaving", "dyeing") with { Certifications = None },
            ]);

        // Capacity adds up in one unit; a supplier stating tonnes cannot make up pieces.
        yield return new GroupCase("combined capacity in one unit",
            [Capability("injection moulding"), Capacity(100_000, "pieces")],
            [
                Supplier(1, "injection moulding") with { MonthlyCapacity = 60_000, CapacityUnit = "pcs" },
                Supplier(2, "injection moulding") with { MonthlyCapacity = 50_000, CapacityUnit = "pieces" },
                Supplier(3, "injection moulding") with { MonthlyCapacity = 30_000, CapacityUnit = "pieces" },
                Supplier(4, "injection moulding") with { MonthlyCapacity = 900, CapacityUnit = "tonnes" },
            ]);

        // Kilograms a month, tonnes a year and pieces: the first two convert, the third never does.
        yield return new GroupCase("capacities in mixed units",
            [Capability("powder coating"), Capacity(2, "t")],
            [
                Supplier(1, "powder coating") with { MonthlyCapacity = 1_500, CapacityUnit = "kg" },
                Supplier(2, "powder coating") with { MonthlyCapacity = 12, CapacityUnit = "tonnes", CapacityPeriod = CapacityPeriod.Year },
                Supplier(3, "powder coating") with { MonthlyCapacity = 80_000, CapacityUnit = "pieces" },
                Supplier(4, "powder coating") with { MonthlyCapacity = 400, CapacityUnit = "kg" },
            ]);

        // The American miller looks like the anodiser's complement but every member must be in the EU and verified.
        yield return new GroupCase("a decoy that looks complementary but is not",
            [
                Capability("cnc milling"), Capability("anodising"),
                new Criterion { Kind = CriterionKind.LocationIn, Mandatory = true, Countries = ["DE", "PL"] },
                new Criterion { Kind = CriterionKind.VerifiedSupplier, Mandatory = true },
            ],
            [
                Supplier(1, "cnc milling") with { Country = "US" },
                Supplier(2, "anodising"),
                Supplier(3, "cnc milling") with { Country = "PL" },
                Supplier(4, "anodising") with { Verified = false },
            ]);

        // The buyer's words in English; the suppliers' in Spanish and in other words.
        yield return new GroupCase("paraphrased and Spanish capabilities",
            [Capability("CNC milling"), Capability("powder coating")],
            [
                Supplier(1, "fresado CNC") with { Country = "ES" },
                Supplier(2, "electrostatic powder painting"),
                Supplier(3, "wet painting"),
                Supplier(4, "laser cutting"),
            ],
            TestVocabulary.Context);

        // No capability is mandatory: the weighted ones are the pieces of work, and capacity must add up.
        yield return new GroupCase("weighted pieces of work with a combined capacity",
            [
                new Criterion { Kind = CriterionKind.CapabilityFit, Weight = 50, Keywords = ["cnc milling"] },
                new Criterion { Kind = CriterionKind.CapabilityFit, Weight = 50, Keywords = ["anodising"] },
                Capacity(10_000, "pieces"),
            ],
            [
                Supplier(1, "cnc milling") with { MonthlyCapacity = 6_000 },
                Supplier(2, "anodising") with { MonthlyCapacity = 5_000 },
                Supplier(3, "cnc milling") with { MonthlyCapacity = 4_000 },
                Supplier(4, "freight forwarding") with { MonthlyCapacity = 9_000 },
            ]);

        // A role named by its keyword, one exporter for the consortium, and a harness maker without the automotive certificate.
        yield return new GroupCase("a role named by its keyword and export experience for the consortium",
            [
                Capability("pcb assembly") with { Role = "electronics" },
                Capability("cable harness"),
                Certificate("IATF 16949") with { Role = "cable harness" },
                new Criterion { Kind = CriterionKind.ExportExperience, Mandatory = true, Countries = ["US"] },
            ],
            [
                Supplier(1, "pcb assembly"),
                Supplier(2, "cable harness") with { Certifications = [Holds("IATF 16949")] },
                Supplier(3, "cable harness") with { ExportMarkets = ["US"] },
                Supplier(4, "pcb assembly") with { ExportMarkets = ["US"] },
            ]);

        // An environmental certificate the consortium needs once, and a role capacity for the casting partner only.
        yield return new GroupCase("a certificate for the consortium and a capacity for one role",
            [
                Capability("die casting") with { Role = "casting" },
                Capability("cnc milling"),
                Certificate("ISO 14001") with { AppliesTo = CriterionScope.Consortium },
                Capacity(5_000, "pieces") with { Role = "casting" },
            ],
            [
                Supplier(1, "die casting") with { MonthlyCapacity = 3_000 },
                Supplier(2, "die casting") with { MonthlyCapacity = 2_500 },
                Supplier(3, "cnc milling") with { MonthlyCapacity = 90_000, Certifications = [Holds("ISO 14001")] },
                Supplier(4, "cnc milling") with { MonthlyCapacity = 100 },
                Supplier(5, "die casting") with { MonthlyCapacity = 6_000 },
            ]);
    }
}
