using GvcMatch.Matching;

namespace GvcMatch.Matching.Tests;

/// <summary>Random suppliers and criteria for the property tests, drawn from small vocabularies so that matches and misses both occur often.</summary>
internal static class RandomCases
{
    public static readonly DateOnly Today = new(2026, 11, 28);
    public static readonly string[] Countries = ["DE", "PL", "JP", "VN", "US"];
    public static readonly string[] Standards = ["ISO 9001", "ISO 13485", "IATF 16949"];
    public static readonly string[] Words = ["cnc milling", "anodising", "die casting", "laser cutting", "injection moulding", "powder coating"];
    public static readonly string[] Bands = ["Micro", "Small", "Medium", "Large"];

    public static SupplierFacts Supplier(Random r, int id) => new()
    {
        OrganizationId = id,
        Name = $"Supplier {id}",
        Country = Pick(r, Countries),
        SizeBand = Pick(r, Bands),
        Verified = r.Next(2) == 0,
        Capabilities = Words.Where(_ => r.Next(3) == 0).ToList(),
        Certifications = Standards.Where(_ => r.Next(2) == 0).Select(s => new HeldCertificate(s, r.Next(4) == 0 ? null : Today.AddDays(r.Next(-60, 60)))).ToList(),
        MonthlyCapacity = r.Next(4) == 0 ? null : r.Next(0, 100_000),
        CapacityUnit = r.Next(5) == 0 ? "tonnes" : "pcs",
        LeadTimeDays = r.Next(4) == 0 ? null : r.Next(0, 120),
        ExportMarkets = Countries.Where(_ => r.Next(3) == 0).ToList(),
    };

    /// <summary>One to six criteria, any kind, some mandatory; the weighted ones share 100 points.</summary>
    public static List<Criterion> Criteria(Random r)
    {
        var list = Enumerable.Range(0, r.Next(1, 7)).Select(_ => Criterion(r, mandatory: r.Next(3) == 0)).ToList();
        var weighted = list.Where(c => !c.Mandatory).ToList();
        var left = 100;
        for (var i = 0; i < weighted.Count; i++)
        {
            var weight = i == weighted.Count - 1 ? left : r.Next(1, left - (weighted.Count - i - 1) + 1);
            left -= weight;
            list[list.IndexOf(weighted[i])] = weighted[i] with { Weight = weight };
        }
        return list;
    }

    public static Criterion Criterion(Random r, bool mandatory)
    {
        var kind = (CriterionKind)r.Next(Enum.GetValues<CriterionKind>().Length);
        var c = new Criterion { Kind = kind, Mandatory = mandatory };
        return kind switch
        {
            CriterionKind.CapabilityFit => c with { Keywords = Words.Where(_ => r.Next(2) == 0).DefaultIfEmpty(Words[0]).ToList() },
            CriterionKind.CertificationHeld => c with { Standard = Pick(r, Standards) },
            CriterionKind.CapacityAtLeast => c with { Minimum = r.Next(1, 80_000), Unit = "pieces" },
            CriterionKind.LeadTimeAtMost => c with { Days = r.Next(1, 60) },
            CriterionKind.LocationIn => c with { Countries = [Pick(r, Countries), Pick(r, Countries)] },
            CriterionKind.ExportExperience => c with { Countries = r.Next(3) == 0 ? [] : [Pick(r, Countries)] },
            CriterionKind.CompanySize => c with { SizeBands = [Pick(r, Bands)] },
            _ => c,
        };
    }

    public static string Pick(Random r, string[] items) => items[r.Next(items.Length)];
}
